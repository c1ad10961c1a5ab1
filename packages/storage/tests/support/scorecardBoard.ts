import { type DashboardQuery, type FormDefinition, indexFields } from '@formboard/schema';
import type { Dialect } from '../../src/dialect/Dialect.ts';
import type { QueryFilters, QueryRow, Store } from '../../src/index.ts';
import { compileQuery } from '../../src/queries/compileQuery.ts';
import type { Json } from '../conformance/storeConformance.ts';

// A board over the KPI scorecard, for the tests of board indexes and pass families on both databases.

export const FORM = 'kpi-scorecard';
export const BOARD = 'scorecard-board';
const text = (s: string) => ({ 'zh-CN': s, en: s });

const count = { id: 'n', op: 'count' } as const;
const avgScore = { id: 'avg', op: 'avg', field: 'score' } as const;
/** A board's queries over the scorecard: cards, a status chart, a weekly line, comments, people. */
export const queries: Record<string, DashboardQuery> = {
  cards: { source: FORM, measures: [count, avgScore, { id: 'best', op: 'max', field: 'score' }] },
  approved: { source: FORM, filter: 'status = "approved"', measures: [count, avgScore] },
  byStatus: {
    source: FORM,
    groupBy: ['status'],
    measures: [count, { id: 'low', op: 'min', field: 'score' }],
  },
  weekly: { source: FORM, timeBucket: { field: 'period', unit: 'week' }, measures: [count, avgScore] },
  statusMonths: {
    source: FORM,
    groupBy: ['status'],
    timeBucket: { field: 'period', unit: 'month' },
    measures: [count],
  },
  comments: { source: FORM, groupBy: ['comment'], measures: [count], sort: [{ by: 'n', direction: 'desc' }] },
  people: { source: FORM, groupBy: ['employee'], measures: [avgScore, count] },
};
export const january: QueryFilters = { dateRange: { field: 'period', from: '2026-01-01', to: '2026-02-01' } };
export const nothing: QueryFilters = { dateRange: { field: 'period', from: '2030-01-01', to: '2030-02-01' } };

/** Each query of the board with the same filters, as the batch route asks. */
export const asked = (filters: QueryFilters) => Object.values(queries).map((query) => ({ query, filters }));

/** The board: a table per query, the date range bound to the scorecard's period. */
export const board = (): Json => ({
  kind: 'dashboard',
  id: BOARD,
  schemaVersion: 1,
  title: text('考核看板'),
  grid: { columns: 24 },
  filters: [{ type: 'dateRange', id: 'period', label: text('期间'), fields: { [FORM]: 'period' } }],
  widgets: Object.entries(queries).map(([id, query], i) => ({
    id,
    type: 'table',
    layout: { x: 0, y: i * 4, w: 24, h: 4 },
    query,
  })),
});

/** Scorecard `i`: nine people over January, three statuses, scores 0–120. */
export const entry = (i: number, comment = `备注 ${i % 3}`): Json => ({
  employee: `u${i % 9}`,
  period: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
  status: ['draft', 'submitted', 'approved'][i % 3],
  score: (i * 37) % 121,
  comment,
  kpis: [{ name: '交付', weight: 100, target: 100 }],
});

/** A dialect that notes every statement it runs, in its transactions too. */
export function noting(db: Dialect, seen: { sql: string; params: readonly unknown[] }[]): Dialect {
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

/** What a query answers read from the records' JSON, with no typed table, index or pass involved. */
export async function jsonAnswer(
  store: Store,
  db: Dialect,
  query: DashboardQuery,
  filters: QueryFilters,
): Promise<QueryRow[]> {
  const definition = await store.definitions.get(FORM, 1);
  const index = indexFields((definition.content as unknown as FormDefinition).data);
  const compiled = compileQuery(db.name, query, index, filters);
  const rows = await db.query(compiled.sql, compiled.params);
  return rows.map((r) =>
    Object.fromEntries(
      compiled.columns.map((c) => [
        c.name,
        c.numeric && r[c.alias] !== null ? Number(r[c.alias]) : (r[c.alias] ?? null),
      ]),
    ),
  );
}
