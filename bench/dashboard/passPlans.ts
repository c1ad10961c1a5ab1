import type { DashboardQuery } from '@formboard/schema';
import type { QueryFilters } from '@formboard/storage';
import { DefinitionStore } from '../../packages/storage/src/definitions/DefinitionStore.ts';
import type { Dialect } from '../../packages/storage/src/dialect/Dialect.ts';
import { PostgresDialect } from '../../packages/storage/src/dialect/postgres/PostgresDialect.ts';
import { derivedDataEvents } from '../../packages/storage/src/layout/derivedData.ts';
import { WORK_MEM } from '../../packages/storage/src/queries/answerCache.ts';
import { QueryRunner } from '../../packages/storage/src/queries/QueryRunner.ts';

/** One statement a board run sent over the typed record table, with its plan. */
export interface PassPlan {
  readonly sql: string;
  readonly plan: readonly string[];
  /** The plan's execution time, ms. */
  readonly executionMs: number;
}

/** A dialect that notes every statement it runs (and those of its transactions). */
function noting(db: Dialect, seen: { sql: string; params: readonly unknown[] }[]): Dialect {
  return {
    name: db.name,
    query: (sql, params = []) => {
      seen.push({ sql, params });
      return db.query(sql, params);
    },
    run: (sql, params) => db.run(sql, params),
    transaction: (work) => db.transaction((tx) => work(noting(tx, seen))),
    snapshot: (work) => db.snapshot((tx) => work(noting(tx, seen))),
    close: () => db.close(),
  };
}

/**
 * The statements a cold run of the board's queries sends over the form's typed record table (a
 * query runner keeping no answers, as the store's own), each with `EXPLAIN (ANALYZE, BUFFERS)` run
 * afterwards with the same parameters.
 */
export async function passPlans(
  url: string,
  queries: readonly DashboardQuery[],
  filters: QueryFilters,
): Promise<PassPlan[]> {
  const db = new PostgresDialect(url);
  try {
    const seen: { sql: string; params: readonly unknown[] }[] = [];
    const dialect = noting(db, seen);
    const runner = new QueryRunner(dialect, new DefinitionStore(dialect, () => '', derivedDataEvents), false);
    await runner.runMany(queries.map((query) => ({ query, filters })));
    const plans: PassPlan[] = [];
    for (const { sql, params } of seen.filter((s) => /FROM form_rows_\d+/.test(s.sql))) {
      // With the memory the store gives its passes (see answerCache.ts).
      const rows = await db.transaction(async (tx) => {
        await tx.run(`SET LOCAL work_mem = '${WORK_MEM}'`);
        return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      });
      const plan = rows.map((r) => r['QUERY PLAN']);
      const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1] ?? Number.NaN);
      plans.push({ sql, plan, executionMs });
    }
    return plans;
  } finally {
    await db.close();
  }
}

/** A plan in one line: how it reads the typed table (scan nodes, heap fetches) and what it does after. */
export function planSummary(plan: readonly string[]): string {
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
