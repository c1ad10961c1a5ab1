import { openStore, type Store } from '@formboard/storage';
import { freshPostgresDatabase } from '@formboard/storage/testing';
import { periodAt, shiftPeriod } from '@formboard/workflow';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client } from '../support/client.ts';
import { type ServerProcess, startServerProcess } from '../support/serverProcess.ts';
import { seedTestStore } from '../support/testServer.ts';
import {
  belowBaseline,
  connectReceiver,
  eventually,
  everyMinute,
  followUpWorkflow,
  kpiForm,
  publish,
} from './support/processWorld.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhookReceiver.ts';

const RECORDS = 30;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Two `formboard serve --workflows on` processes on one PostgreSQL database, both ticking every 200 ms
// and both hearing every record event (LISTEN/NOTIFY): each record run, each cron occurrence and each
// metric period must be handled by exactly one of them — counted at a webhook receiver on 127.0.0.1,
// where any second delivery of a key would show.
describe('two server processes hosting the workflow engine on one PostgreSQL database', () => {
  let store: Store;
  let receiver: WebhookReceiver;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    // A slow receiver keeps calls in flight while the other process ticks.
    receiver = await startWebhookReceiver(async () => {
      await sleep(20);
      return { status: 200 };
    });
    const database = await freshPostgresDatabase(inject('postgresUrl'));
    store = await openStore({ database });
    await seedTestStore(store);
    await connectReceiver(store, receiver.url);
    await publish(store, kpiForm);
    for (const workflow of [followUpWorkflow(), everyMinute, belowBaseline]) await publish(store, workflow);
    // Both processes come up with work waiting: the schedule last handled 5 minutes ago (its latest
    // occurrence is due), the metric judged up to three weeks ago, and two weeks below the baseline since.
    const now = new Date();
    await store.workflows.schedules.fire({
      workflowId: 'every-minute',
      previousAt: null,
      at: new Date(now.getTime() - 5 * 60_000).toISOString(),
      run: null,
    });
    const week = periodAt(now, 'week', 'Asia/Shanghai');
    await store.workflows.streaks.judge({
      workflowId: 'kpi-below-baseline',
      period: shiftPeriod(week, 'week', -3),
      previousPeriod: null,
      streaks: [],
      fired: [],
    });
    for (const weeksAgo of [2, 1])
      await store.records.insert(
        'kpi',
        { employee: 'member', period: shiftPeriod(week, 'week', -weeksAgo), score: 40 },
        { actor: 'manager' },
      );
    const previous = process.env.FORMBOARD_WORKFLOW_TICK_MS;
    process.env.FORMBOARD_WORKFLOW_TICK_MS = '200';
    try {
      servers = await Promise.all([
        startServerProcess(['--database', database, '--workflows', 'on']),
        startServerProcess(['--database', database, '--workflows', 'on']),
      ]);
    } finally {
      if (previous === undefined) delete process.env.FORMBOARD_WORKFLOW_TICK_MS;
      else process.env.FORMBOARD_WORKFLOW_TICK_MS = previous;
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await store?.close();
    await receiver?.close();
  });

  it('runs each record workflow, cron occurrence and metric period exactly once across both', async () => {
    const clients = await Promise.all(servers.map((server) => Client.signIn(server.url, 'member')));
    await Promise.all(
      Array.from({ length: RECORDS }, (_, i) =>
        clients[i % 2]?.call('POST', '/api/forms/checkin/records', {
          data: { week: '2026-11-23', progress: i },
        }),
      ),
    );
    const followUps = await eventually(
      () => store.workflows.runs.list('checkin-follow-up'),
      (runs) => runs.length === RECORDS && runs.every((run) => run.status === 'done'),
    );
    expect(followUps.map((run) => run.status)).toEqual(Array(RECORDS).fill('done'));
    const occurrences = await store.workflows.runs.list('every-minute');
    const alerts = await store.workflows.alerts.list({ workflowId: 'kpi-below-baseline' });
    expect(alerts).toMatchObject([{ groupKey: 'member', assigneeId: 'manager' }]);
    const streakRuns = await eventually(
      () => store.workflows.runs.list('kpi-below-baseline'),
      (runs) => runs.every((run) => run.status === 'done'),
    );
    expect(streakRuns).toHaveLength(1);
    expect(occurrences.length).toBeGreaterThanOrEqual(1);
    expect(new Set(occurrences.map((run) => run.eventKey)).size).toBe(occurrences.length);
    await eventually(
      () => store.workflows.runs.list('every-minute'),
      (runs) => runs.every((run) => run.status === 'done'),
    );

    // Every call was made once: one delivery per key, and a key for every run's calls.
    const expected = new Set([
      ...followUps.flatMap((run) => [`${run.id}/0/hook`, `${run.id}/2/erp`]),
      ...(await store.workflows.runs.list('every-minute')).map((run) => `${run.id}/0/hook`),
      ...streakRuns.map((run) => `${run.id}/0/hook`),
    ]);
    expect(receiver.keys()).toEqual(expected);
    expect(receiver.received).toHaveLength(expected.size);
    // Each record got one workflow update, and the supervisor one message per run.
    for (const run of followUps) {
      const recordId = String((run.context as { recordId?: string }).recordId);
      const writes = (await store.records.history(recordId)).filter((h) =>
        h.changedBy.startsWith('workflow:'),
      );
      expect(writes).toHaveLength(1);
    }
    expect(await store.workflows.inbox.list('manager')).toHaveLength(RECORDS);
    // Neither process hit a conflict or a failure on the way (leases kept them apart).
    for (const server of servers)
      expect(server.output()).not.toMatch(/workflow (problem|tick failed|trigger failed)/);
  });
});
