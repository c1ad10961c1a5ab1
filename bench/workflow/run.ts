/**
 * bench/workflow: the workflow engine under a stream of record events (end-to-end lag through the
 * real server), and one scheduler tick over 1,000 metric-streak rules and 100k records. Run with
 * `pnpm --filter @formboard/bench run bench:workflow`; see bench/workflow/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase } from '../../packages/storage/tests/support/databases.ts';
import { startPostgresCluster } from '../../packages/storage/tests/support/postgresCluster.ts';
import { markdownTable } from '../storage/markdownTable.ts';
import { measureEventLag } from './eventLag.ts';
import { measureMetricTick, type TickResult } from './metricTick.ts';
import { countStoreCalls } from './storeCalls.ts';

const PER_MINUTE = Number(process.env.BENCH_EVENTS_PER_MINUTE ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RULES = Number(process.env.BENCH_RULES ?? 1000);
// `calls`, `lag`, `tick` (default: all three): the smallest run that answers the question at hand.
const PARTS = (process.env.BENCH_PARTS ?? 'calls,lag,tick').split(',');
const GOAL_LAG_P95_MS = 1000;
const GOAL_TICK_MS = 60_000;

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const dir = mkdtempSync(join(tmpdir(), 'formboard-bench-workflow-'));
let ok = true;
try {
  if (PARTS.includes('calls')) await callsPart();
  if (PARTS.includes('lag')) await lagPart();
  if (PARTS.includes('tick')) await tickPart();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);

/** The store calls behind one record event's two runs (counts, not times: the same on any machine). */
async function callsPart(): Promise<void> {
  const calls = await countStoreCalls(dir, 200);
  console.log(
    `\nStore calls per record event (${fmt(calls.runs / calls.events, 1)} runs each), SQLite, in process`,
  );
  console.log(
    markdownTable(
      ['method', 'calls per event'],
      [
        ...calls.perEvent.map((c) => [c.method, fmt(c.calls, 2)]),
        [
          'total',
          fmt(
            calls.perEvent.reduce((sum, c) => sum + c.calls, 0),
            2,
          ),
        ],
      ],
      [1],
    ),
  );
}

/** Record events → runs through the real server, on SQLite. */
async function lagPart(): Promise<void> {
  console.log(
    `\nRecord events → workflow runs, SQLite, ${fmt(PER_MINUTE)}/min for ${SECONDS} s, 20 workflows; load average ${load()}`,
  );
  const lag = await measureEventLag(dir, PER_MINUTE, SECONDS);
  console.log(
    markdownTable(
      [
        'events',
        'events/min',
        'failed submits',
        'runs',
        'done',
        'failed',
        'start p95 ms',
        'lag p50 ms',
        'lag p95 ms',
        'lag p99 ms',
        'lag max ms',
        'calls',
        'repeated',
        'server CPU ms/event',
      ],
      [
        [
          fmt(lag.events),
          fmt(lag.eventsPerMinute),
          fmt(lag.failedRequests),
          fmt(lag.runs),
          fmt(lag.runsDone),
          fmt(lag.runsFailed),
          fmt(lag.startLag.p95),
          fmt(lag.lag.p50),
          fmt(lag.lag.p95),
          fmt(lag.lag.p99),
          fmt(lag.lag.max),
          fmt(lag.deliveries),
          fmt(lag.deliveries - lag.distinctKeys),
          fmt(lag.serverCpuMsPerEvent, 1),
        ],
      ],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
    ),
  );
  const lagMet =
    lag.lag.p95 <= GOAL_LAG_P95_MS && lag.runsDone === lag.events * 2 && lag.failedRequests === 0;
  console.log(`goal p95 lag ≤ ${fmt(GOAL_LAG_P95_MS)} ms with every run done: ${lagMet ? 'met' : 'NOT met'}`);
  ok &&= lag.runsFailed === 0 && lag.deliveries === lag.distinctKeys;
}

/** One scheduler tick over the metric-streak rules, on SQLite and PostgreSQL. */
async function tickPart(): Promise<void> {
  const ticks: TickResult[] = [];
  console.log(`\nOne scheduler tick over ${fmt(RULES)} metric-streak rules; load average ${load()}`);
  ticks.push(await measureMetricTick(join(dir, 'tick.db'), 'SQLite', RULES));
  const cluster = await startPostgresCluster({ fsync: true });
  try {
    ticks.push(await measureMetricTick(await freshPostgresDatabase(cluster.url), 'PostgreSQL', RULES));
  } finally {
    cluster.stop();
  }
  console.log(
    markdownTable(
      [
        'database',
        'rules',
        'records',
        'first tick ms',
        'ms/rule',
        'second tick ms',
        'runs fired',
        'problems',
      ],
      ticks.map((t) => [
        t.database,
        fmt(t.rules),
        fmt(t.records),
        fmt(t.firstTickMs),
        fmt(t.firstTickMs / t.rules, 1),
        fmt(t.secondTickMs),
        fmt(t.runsStarted),
        fmt(t.problems),
      ]),
      [1, 2, 3, 4, 5, 6, 7],
    ),
  );
  for (const t of ticks)
    console.log(
      `goal ${t.database} tick ≤ ${fmt(GOAL_TICK_MS / 1000)} s (the tick interval): ${Math.max(t.firstTickMs, t.secondTickMs) <= GOAL_TICK_MS ? 'met' : 'NOT met'}`,
    );
  ok &&= ticks.every((t) => t.problems === 0);
}
