/**
 * bench/dashboard, the store's side only (no browser, no HTTP): the 20-widget board's queries over 1M
 * check-ins, on a SQLite file or a private PostgreSQL 15 cluster (fsync on), loaded as `run.ts` loads
 * them (`setupDatabase`), run as the server's batch route runs them (`store.queries.runMany`) — cold (a
 * 90-day period of its own each run), warm (the same period again) and after one inserted check-in —
 * with the CPU time of each cold run (SQLite: this process, where it runs; PostgreSQL: the cluster's
 * processes), and every statement a cold run sends over the typed record table with its plan and time
 * (`--plans` prints them whole).
 *
 * `cd bench && npx tsx dashboard/store.ts --database=sqlite|postgres [--records=1000000] [--runs=5] [--plans]`
 * `--database=postgres://…` or `--database=/path/board.db` measures a database loaded earlier, for iterating.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { DashboardQuery } from '@formboard/schema';
import { openStore } from '@formboard/storage';
import { freshPostgresDatabase } from '../../packages/storage/tests/support/databases.ts';
import { startPostgresCluster } from '../../packages/storage/tests/support/postgresCluster.ts';
import { median, timeMs } from '../storage/timing.ts';
import { boardWidgets } from './board.ts';
import { checkIn, FORM_ID, firstDay } from './boardData.ts';
import { passPlans, planSummary } from './passPlans.ts';
import { shiftedPeriod } from './periods.ts';
import { clusterCpu } from './processCpu.ts';
import { isPostgres, setupDatabase } from './setupDatabase.ts';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RECORDS = Number(option('records') ?? 1_000_000);
const RUNS = Number(option('runs') ?? 5);
/** `sqlite`, `postgres` (a fresh database each), or one loaded earlier: a postgres:// URL or a SQLite file. */
const DATABASE = option('database') ?? 'postgres';
const FRESH = DATABASE === 'sqlite' || DATABASE === 'postgres';
const load = () => os.loadavg()[0]?.toFixed(1) ?? '?';
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;

/** The board's filters as the server resolves them: the date range bound to the check-ins' date. */
const filtersOf = (shift: number) => {
  const { from, to } = (shiftedPeriod(90, shift) as { period: { from: string; to: string } }).period;
  const after = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { dateRange: { field: 'reportedOn', from, to: after } };
};

/** A fresh database of the kind asked for (a SQLite file in a temp dir, or one on a private cluster), or the one named. */
async function database(): Promise<{ url: string; drop: () => void }> {
  if (!FRESH) return { url: DATABASE, drop: () => undefined };
  if (DATABASE === 'postgres') {
    const cluster = await startPostgresCluster({ fsync: true });
    return { url: await freshPostgresDatabase(cluster.url), drop: () => cluster.stop() };
  }
  const dir = mkdtempSync(join(os.tmpdir(), 'formboard-bench-board-'));
  return { url: join(dir, 'board.db'), drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/** CPU time used so far, ms: the cluster's processes on PostgreSQL, this process (where SQLite runs) otherwise. */
async function cpuClock(url: string): Promise<() => number> {
  if (isPostgres(url)) return clusterCpu(url);
  return () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
}

async function main(): Promise<void> {
  const label = isPostgres(DATABASE) || DATABASE === 'postgres' ? 'PostgreSQL' : 'SQLite';
  console.log(
    `bench/dashboard, the store's side, ${label} — ${RECORDS.toLocaleString('en-US')} records, load ${load()}`,
  );
  const { url, drop } = await database();
  try {
    if (FRESH) {
      const setup = await setupDatabase(url, RECORDS, Date.now());
      console.log(
        `records ${ms(setup.recordsMs)}, typed table ${ms(setup.rebuildMs)}, board published (board indexes) ${ms(setup.publishMs)}${isPostgres(url) ? `, VACUUM (ANALYZE) ${ms(setup.vacuumMs)}` : ''} (load ${load()})`,
      );
    }
    const cpu = await cpuClock(url);
    const store = await openStore({ database: url });
    const queries = boardWidgets().map((w) => w.query as DashboardQuery);
    try {
      const runAll = (shift: number) =>
        store.queries.runMany(queries.map((query) => ({ query, filters: filtersOf(shift) })));
      const cold: number[] = [];
      const coldCpu: number[] = [];
      const warm: number[] = [];
      const insert: number[] = [];
      for (let run = 0; run <= RUNS; run += 1) {
        const before = cpu();
        const c = await timeMs(() => runAll(1 + run));
        const used = cpu() - before;
        const w = await timeMs(() => runAll(1 + run));
        const day = filtersOf(1 + run).dateRange.from;
        await store.records.insert(
          FORM_ID,
          { ...checkIn(run, firstDay(Date.now())), reportedOn: day },
          { actor: 'bench', ownerId: 'u1', orgUnitId: 'ou-1' },
        );
        const i = await timeMs(() => runAll(1 + run));
        if (run === 0) continue;
        cold.push(c);
        coldCpu.push(used);
        warm.push(w);
        insert.push(i);
      }
      console.log(`\n| 20 widgets, last 90 days (medians of ${RUNS}) | ${label} |`);
      console.log('| --- | ---: |');
      console.log(`| cold: no answer kept | ${ms(median(cold))} |`);
      console.log(
        `| of which CPU time (${label === 'SQLite' ? 'this process' : "PostgreSQL's"}) | ${ms(median(coldCpu))} |`,
      );
      console.log(`| warm: every answer kept | ${ms(median(warm))} |`);
      console.log(`| after one inserted check-in | ${ms(median(insert))} |`);
      console.log(`\nload average at the end: ${load()}`);
    } finally {
      await store.close();
    }

    const plans = await passPlans(url, queries, filtersOf(RUNS + 2));
    const what = label === 'SQLite' ? 'CPU time and EXPLAIN QUERY PLAN' : 'EXPLAIN (ANALYZE, BUFFERS)';
    console.log(`\n${what} of the ${plans.length} statements of a cold run (load ${load()}):`);
    for (const [i, p] of plans.entries()) {
      console.log(`${i + 1}. ${ms(p.executionMs)}: ${planSummary(p.plan)}`);
      if (process.argv.includes('--plans')) console.log(`${p.sql}\n${p.plan.join('\n')}\n`);
    }
  } finally {
    drop();
  }
}

await main();
