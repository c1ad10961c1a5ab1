/**
 * bench/server: record submits through the real API (validation, sessions, audit) under load, and a
 * crash in the middle of it. Run with `pnpm --filter @formboard/bench run bench:server`; see
 * bench/server/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '@formboard/server/testing';
import { openStore } from '@formboard/storage';
import { submitRecords } from './load.ts';
import { signIn } from './session.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const GOAL_PER_SECOND = 2000;
const GOAL_P99_MS = 50;
const DEMO_PASSWORD = 'formboard-demo';

const dir = mkdtempSync(join(tmpdir(), 'formboard-bench-server-'));
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function throughput(): Promise<boolean> {
  const database = join(dir, 'load.db');
  const server = await startServerProcess(['--demo', '--database', database], 'zhangsan');
  try {
    const session = await signIn(server.url, 'zhangsan', DEMO_PASSWORD);
    await submitRecords(server.url, session, { connections: CONNECTIONS, seconds: 3 });
    const run = await submitRecords(server.url, session, { connections: CONNECTIONS, seconds: SECONDS });
    const perSecondOk = run.perSecond >= GOAL_PER_SECOND;
    const p99Ok = run.p99 <= GOAL_P99_MS;
    console.log(
      `\nRecord submits, SQLite, ${CONNECTIONS} connections, ${run.seconds} s (after a 3 s warm-up); load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log('| submits/s | p50 ms | p99 ms | 2xx | non-2xx | errors |');
    console.log('| --------: | -----: | -----: | --: | ------: | -----: |');
    console.log(
      `| ${fmt(run.perSecond)} | ${run.p50} | ${run.p99} | ${fmt(run.ok)} | ${run.non2xx} | ${run.errors} |`,
    );
    console.log(
      `goal ≥ ${GOAL_PER_SECOND}/s: ${perSecondOk ? 'met' : 'NOT met'} (${fmt(run.perSecond / GOAL_PER_SECOND, 2)}× the goal)`,
    );
    console.log(`goal p99 ≤ ${GOAL_P99_MS} ms: ${p99Ok ? 'met' : 'NOT met'}`);
    console.log(`goal 0 non-2xx: ${run.non2xx === 0 && run.errors === 0 ? 'met' : 'NOT met'}`);
    return run.non2xx === 0 && run.errors === 0;
  } finally {
    await server.stop();
  }
}

async function crash(): Promise<boolean> {
  const database = join(dir, 'crash.db');
  const server = await startServerProcess(['--demo', '--database', database], 'zhangsan');
  const session = await signIn(server.url, 'zhangsan', DEMO_PASSWORD);
  const run = await submitRecords(server.url, session, {
    connections: CONNECTIONS,
    seconds: 20,
    during: async () => {
      await new Promise((resolve) => setTimeout(resolve, 4000));
      await server.kill();
      return 'stop';
    },
  });
  const restarted = await startServerProcess(['--database', database]);
  await restarted.stop();
  const store = await openStore({ database });
  let missing = 0;
  for (const id of run.acknowledged) if (!(await store.records.get(id).catch(() => undefined))) missing++;
  const audit = await store.verifyAudit();
  await store.close();
  console.log(`\nCrash: kill -9 after 4 s of load, restart, check every acknowledged record`);
  console.log(
    `acknowledged (2xx) before the kill: ${fmt(run.acknowledged.length)}; missing after restart: ${missing}; audit chain: ${audit.ok ? 'verifies' : 'BROKEN'}`,
  );
  console.log(`goal nothing acknowledged is lost: ${missing === 0 && audit.ok ? 'met' : 'NOT met'}`);
  return missing === 0 && audit.ok && run.acknowledged.length > 0;
}

try {
  const okLoad = await throughput();
  const okCrash = await crash();
  process.exitCode = okLoad && okCrash ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
