/**
 * bench/dashboard on PostgreSQL, the store's side only (no browser, no HTTP): the 20-widget board's
 * queries over 1M check-ins in a private PostgreSQL 15 cluster, as the server's batch route runs them
 * (`store.queries.runMany`) — cold (a 90-day period of its own each run), warm (the same period
 * again) and after one inserted check-in — and EXPLAIN ANALYZE of the slowest pass.
 *
 * `cd bench && npx tsx dashboard/postgres.ts [--records=1000000] [--runs=5]`
 */
import os from 'node:os';
import type { DashboardQuery } from '@formboard/schema';
import { openStore } from '@formboard/storage';
import { rebuildDerivedData } from '../../packages/storage/src/layout/derivedData.ts';
import { freshPostgresDatabase } from '../../packages/storage/tests/support/databases.ts';
import { startPostgresCluster } from '../../packages/storage/tests/support/postgresCluster.ts';
import { rawDialect } from '../../packages/storage/tests/support/rawDialect.ts';
import { median, timeMs } from '../storage/timing.ts';
import { benchBoard, boardWidgets } from './board.ts';
import { checkIn, checkInForm, FORM_ID, firstDay, recordJsonPostgres } from './boardData.ts';
import { shiftedPeriod } from './periods.ts';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RECORDS = Number(option('records') ?? 1_000_000);
const RUNS = Number(option('runs') ?? 5);
const load = () => os.loadavg()[0]?.toFixed(1) ?? '?';
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;

const COLUMNS =
  'id, form_id, form_version, data, owner_id, org_unit_id, revision, created_at, created_by, updated_at, updated_by';

/** The board's filters as the server resolves them: the date range bound to the check-ins' date. */
const filtersOf = (shift: number) => {
  const { from, to } = (shiftedPeriod(90, shift) as { period: { from: string; to: string } }).period;
  const after = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { dateRange: { field: 'reportedOn', from, to: after } };
};

async function main(): Promise<void> {
  console.log(`bench/dashboard on PostgreSQL — ${RECORDS.toLocaleString('en-US')} records, load ${load()}`);
  const cluster = await startPostgresCluster({ fsync: true });
  try {
    const url = await freshPostgresDatabase(cluster.url);
    const store = await openStore({ database: url });
    const raw = rawDialect(url);
    try {
      const form = await store.definitions.create(checkInForm(), { author: 'bench' });
      await store.definitions.publish(form.id, form.version, { author: 'bench' });
      const at = new Date().toISOString();
      const loadMs = await timeMs(async () => {
        await raw.run(
          `INSERT INTO records (${COLUMNS})
           SELECT 'fixture-' || lpad(i::text, 7, '0'), ?, ?, ${recordJsonPostgres(firstDay(Date.now()))},
             'u' || (i % 5000), 'ou-' || (i % 50), 1, ?, 'bench', ?, 'bench' FROM generate_series(1, ?::int) AS i`,
          [FORM_ID, form.version, at, at, RECORDS],
        );
        await raw.transaction(rebuildDerivedData);
        const board = await store.definitions.create(benchBoard(), { author: 'bench' });
        await store.definitions.publish(board.id, board.version, { author: 'bench' });
      });
      console.log(`records, typed table and board written in ${ms(loadMs)} (load ${load()})`);

      const queries = boardWidgets().map((w) => w.query as DashboardQuery);
      const runAll = (shift: number) =>
        store.queries.runMany(queries.map((query) => ({ query, filters: filtersOf(shift) })));
      const cold: number[] = [];
      const warm: number[] = [];
      const insert: number[] = [];
      for (let run = 0; run <= RUNS; run += 1) {
        const c = await timeMs(() => runAll(1 + run));
        const w = await timeMs(() => runAll(1 + run));
        const day = filtersOf(1 + run).dateRange.from;
        await store.records.insert(
          FORM_ID,
          { ...checkIn(run, day), reportedOn: day },
          {
            actor: 'bench',
            ownerId: 'u1',
            orgUnitId: 'ou-1',
          },
        );
        const i = await timeMs(() => runAll(1 + run));
        if (run === 0) continue;
        cold.push(c);
        warm.push(w);
        insert.push(i);
      }
      console.log(`\n| 20 widgets, last 90 days (medians of ${RUNS}) | PostgreSQL |`);
      console.log('| --- | ---: |');
      console.log(`| cold: no answer kept | ${ms(median(cold))} |`);
      console.log(`| warm: every answer kept | ${ms(median(warm))} |`);
      console.log(`| after one inserted check-in | ${ms(median(insert))} |`);
      console.log(`\nload average at the end: ${load()}`);

      const [layout] = await raw.query<{ id: number; columns: string }>(
        'SELECT id, columns FROM form_layouts WHERE form_id = ?',
        [FORM_ID],
      );
      const column = new Map(
        (JSON.parse(layout?.columns ?? '[]') as { path: string; column: string }[]).map((c) => [
          c.path,
          c.column,
        ]),
      );
      const c = (path: string) => `r.${column.get(path)}`;
      const { from, to } = filtersOf(1).dateRange;
      const plan = await raw.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN ANALYZE SELECT ${c('employee')}, COUNT(*), SUM(${c('score')}), COUNT(${c('score')}), SUM(${c('defects')})
         FROM form_rows_${layout?.id} AS r WHERE ${c('reportedOn')} >= ? AND ${c('reportedOn')} < ? GROUP BY 1`,
        [from, to],
      );
      console.log(`\nEXPLAIN ANALYZE, the per-person pass:\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
    } finally {
      await raw.close();
      await store.close();
    }
  } finally {
    cluster.stop();
  }
}

await main();
