import type { DashboardQuery } from '@formboard/schema';
import type { QueryFilters } from '@formboard/storage';
import { DefinitionStore } from '../../packages/storage/src/definitions/DefinitionStore.ts';
import type { Dialect, Row } from '../../packages/storage/src/dialect/Dialect.ts';
import { derivedDataEvents } from '../../packages/storage/src/layout/derivedData.ts';
import { WORK_MEM } from '../../packages/storage/src/queries/answerCache.ts';
import { QueryRunner } from '../../packages/storage/src/queries/QueryRunner.ts';
import { rawDialect } from '../../packages/storage/tests/support/rawDialect.ts';

/** One statement a board run sent over the typed record table, with its plan. */
export interface PassPlan {
  readonly sql: string;
  readonly plan: readonly string[];
  /**
   * Its time, ms: PostgreSQL's execution time by `EXPLAIN ANALYZE`; on SQLite, which runs in this
   * process and blocks it while a statement runs, the CPU time this process spent in it.
   */
  readonly executionMs: number;
}

type Seen = { sql: string; params: readonly unknown[]; cpuMs: number };

/** A dialect that notes every statement it runs (and those of its transactions), with this process's CPU time in it. */
function noting(db: Dialect, seen: Seen[]): Dialect {
  return {
    name: db.name,
    query: async <T extends Row = Row>(sql: string, params: readonly unknown[] = []) => {
      const cpu = process.cpuUsage();
      const rows = await db.query<T>(sql, params);
      const used = process.cpuUsage(cpu);
      seen.push({ sql, params, cpuMs: (used.user + used.system) / 1000 });
      return rows;
    },
    run: (sql, params) => db.run(sql, params),
    transaction: (work) => db.transaction((tx) => work(noting(tx, seen))),
    snapshot: (work) => db.snapshot((tx) => work(noting(tx, seen))),
    close: () => db.close(),
  };
}

/** A plan's lines: PostgreSQL's `EXPLAIN (ANALYZE, BUFFERS)` (with the passes' memory), SQLite's `EXPLAIN QUERY PLAN`. */
async function explain(db: Dialect, sql: string, params: readonly unknown[]): Promise<string[]> {
  if (db.name === 'sqlite') {
    const rows = await db.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
    return rows.map((r) => r.detail);
  }
  const rows = await db.transaction(async (tx) => {
    await tx.run(`SET LOCAL work_mem = '${WORK_MEM}'`);
    return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  });
  return rows.map((r) => r['QUERY PLAN']);
}

/**
 * The statements a cold run of the board's queries sends over the form's typed record table (a
 * query runner keeping no answers, as the store's own), each with its plan: on PostgreSQL
 * `EXPLAIN (ANALYZE, BUFFERS)` run afterwards with the same parameters, on SQLite the CPU time it took
 * in the run and `EXPLAIN QUERY PLAN`.
 */
export async function passPlans(
  database: string,
  queries: readonly DashboardQuery[],
  filters: QueryFilters,
): Promise<PassPlan[]> {
  const db = rawDialect(database);
  try {
    const seen: Seen[] = [];
    const dialect = noting(db, seen);
    const runner = new QueryRunner(dialect, new DefinitionStore(dialect, () => '', derivedDataEvents), false);
    await runner.runMany(queries.map((query) => ({ query, filters })));
    const plans: PassPlan[] = [];
    for (const { sql, params, cpuMs } of seen.filter((s) => /FROM form_rows_\d+/.test(s.sql))) {
      const plan = await explain(db, sql, params);
      const analyzed = /Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1];
      plans.push({ sql, plan, executionMs: db.name === 'sqlite' ? cpuMs : Number(analyzed ?? Number.NaN) });
    }
    return plans;
  } finally {
    await db.close();
  }
}

/** A plan in one line: how it reads the typed table (scan nodes, heap fetches, sorts) and what it does after. */
export function planSummary(plan: readonly string[]): string {
  // SQLite's plans have no costs.
  if (!plan.some((line) => line.includes('cost=')))
    return plan
      .filter((line) => / form_rows_\d+| r USING|TEMP B-TREE/.test(line))
      .map((line) => line.replace(/ \(.*\)$/, ''))
      .join(', ');
  const scans = plan
    .filter((line) => / on form_rows_\d+/.test(line))
    .map((line) =>
      line
        .trim()
        .replace(/^->\s+/, '')
        .replace(/\s+\(cost=.*$/, '')
        .replace(/ on form_rows_\d+( \w+)?$/, ''),
    );
  const fetches = plan
    .filter((line) => line.includes('Heap Fetches'))
    .map((line) => line.trim().replace('Heap Fetches: ', ''));
  const top = plan[0]?.trim().replace(/\s+\(cost=.*$/, '') ?? '';
  return `${top} ← ${scans.join(' + ')}${fetches.length ? ` (heap fetches ${fetches.join(', ')})` : ''}`;
}
