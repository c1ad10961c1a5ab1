import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { hashPassword } from '@formboard/server';
import { startServerProcess } from '@formboard/server/testing';
import { openStore, type Store, type User } from '@formboard/storage';
import { type Session, signIn, writeHeaders } from '../server/session.ts';
import { recordWorkflow, reportForm } from './benchDefinitions.ts';
import { percentile } from './stats.ts';

const FORMS = ['report-a', 'report-b'];
const PASSWORD = 'bench-workflow-password';

/** What the event-lag run measured. */
export interface LagResult {
  readonly seconds: number;
  readonly events: number;
  readonly eventsPerMinute: number;
  readonly failedRequests: number;
  readonly runs: number;
  readonly runsDone: number;
  readonly runsFailed: number;
  /** Record commit → run started, and → run done (ms). */
  readonly startLag: { readonly p50: number; readonly p95: number };
  readonly lag: { readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number };
  readonly deliveries: number;
  readonly distinctKeys: number;
  /** CPU time the server process used per event, from submit to the runs' end (Linux /proc; NaN elsewhere). */
  readonly serverCpuMsPerEvent: number;
}

/**
 * CPU milliseconds (user + system) a process and its children used so far, from Linux's /proc (the
 * server runs under tsx, which starts node as a child); NaN where there is no /proc.
 */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const own = (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 100 Hz ticks
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return own + children.reduce((sum, child) => sum + cpuMs(Number(child)), 0);
  } catch {
    return Number.NaN;
  }
}

const person = (id: string, supervisorId: string | null, roles: User['roles']): User => ({
  id,
  name: id,
  email: null,
  orgUnitId: null,
  supervisorId,
  roles,
  disabled: false,
});

/** People (a submitter per form, their lead), the two forms, 20 workflows and the `hook` connector. */
export async function seed(store: Store, hookUrl: string): Promise<void> {
  const people = [person('admin', null, ['admin']), person('lead', 'admin', ['manager'])];
  for (const form of FORMS) people.push(person(`${form}-user`, 'lead', ['member']));
  await store.people.saveUsers(people, 'setup');
  const hash = await hashPassword(PASSWORD);
  for (const user of people) await store.accounts.setPassword(user.id, hash, 'setup');
  const publish = async (definition: Record<string, unknown>) => {
    const created = await store.definitions.create(definition, { author: 'admin' });
    await store.definitions.publish(String(definition.id), created.version, { author: 'admin' });
  };
  for (const form of FORMS) {
    await publish(reportForm(form));
    for (let k = 0; k < 10; k++) await publish(recordWorkflow(form, k));
  }
  await store.connectors.setSetting(
    'outbound.allowedHosts',
    [{ host: '127.0.0.1', allowPrivate: true }],
    'admin',
  );
  await store.connectors.save({ id: 'hook', name: 'hook', config: { url: hookUrl } }, 'admin');
}

/** A webhook receiver on 127.0.0.1 counting deliveries by idempotency key. */
async function startHook() {
  const keys: string[] = [];
  const server = createServer((request, response) => {
    keys.push(String(request.headers['idempotency-key']));
    request.resume();
    request.on('end', () => response.end('{}'));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, keys, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Submits reports at `perMinute` through the API for `seconds`, evenly spaced (not as fast as
 * possible: the question is the lag at that rate), alternating the two forms and their users.
 */
async function submitAtRate(url: string, sessions: Session[], perMinute: number, seconds: number) {
  const total = Math.round((perMinute / 60) * seconds);
  const start = Date.now();
  let sent = 0;
  let failed = 0;
  const pending = new Set<Promise<void>>();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((Date.now() - start) / 1000) * (perMinute / 60)));
    for (; sent < due; sent++) {
      const form = FORMS[sent % 2] ?? '';
      const session = sessions[sent % 2] as Session;
      const request = fetch(`${url}/api/forms/${form}/records`, {
        method: 'POST',
        headers: writeHeaders(session),
        body: JSON.stringify({ data: { n: sent, score: sent % 100 } }),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          if (response.status !== 201) failed++;
        })
        .catch(() => {
          failed++;
        })
        .finally(() => pending.delete(request));
      pending.add(request);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(pending);
  return { events: sent, failed, seconds: (Date.now() - start) / 1000 };
}

/**
 * The end-to-end lag of record workflows under a steady stream of record events: `formboard serve
 * --workflows on` on a fresh SQLite file in `dir`, 20 published record workflows, reports submitted
 * through the API at `perMinute`; each report starts two runs (condition, a record update on one of
 * them, an inbox message, a webhook to a local receiver). Lag is from the record's commit
 * (`createdAt`) to the run's end (`finishedAt`), both written by the server.
 */
export async function measureEventLag(dir: string, perMinute: number, seconds: number): Promise<LagResult> {
  const database = join(dir, 'lag.db');
  const hook = await startHook();
  const store = await openStore({ database });
  await seed(store, hook.url);
  const server = await startServerProcess(['--database', database, '--workflows', 'on']);
  try {
    const sessions = await Promise.all(FORMS.map((form) => signIn(server.url, `${form}-user`, PASSWORD)));
    const cpuBefore = cpuMs(server.child.pid ?? 0);
    const load = await submitAtRate(server.url, sessions, perMinute, seconds);
    const workflows = FORMS.flatMap((form) => Array.from({ length: 10 }, (_, k) => `${form}-flow-${k}`));
    const listRuns = async () =>
      (await Promise.all(workflows.map((id) => store.workflows.runs.list(id)))).flat();
    let runs = await listRuns();
    for (let waited = 0; waited < 120 && runs.some((r) => r.status === 'running'); waited++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      runs = await listRuns();
    }
    const serverCpuMs = cpuMs(server.child.pid ?? 0) - cpuBefore;
    const created = new Map<string, number>();
    for (const run of runs) {
      const recordId = String((run.context as { recordId?: string }).recordId);
      if (!created.has(recordId))
        created.set(recordId, Date.parse((await store.records.get(recordId)).createdAt));
    }
    const done = runs.filter((r) => r.status === 'done');
    const since = (run: (typeof runs)[number], at: string) =>
      Date.parse(at) - (created.get(String(run.context.recordId)) ?? 0);
    const lags = done.map((run) => since(run, run.finishedAt ?? run.updatedAt));
    const starts = runs.map((run) => since(run, run.startedAt));
    return {
      seconds: load.seconds,
      events: load.events,
      eventsPerMinute: (load.events / load.seconds) * 60,
      failedRequests: load.failed,
      runs: runs.length,
      runsDone: done.length,
      runsFailed: runs.filter((r) => r.status === 'failed').length,
      startLag: { p50: percentile(starts, 50), p95: percentile(starts, 95) },
      lag: {
        p50: percentile(lags, 50),
        p95: percentile(lags, 95),
        p99: percentile(lags, 99),
        max: Math.max(0, ...lags),
      },
      deliveries: hook.keys.length,
      distinctKeys: new Set(hook.keys).size,
      serverCpuMsPerEvent: serverCpuMs / load.events,
    };
  } finally {
    await server.stop();
    await store.close();
    await hook.close();
  }
}
