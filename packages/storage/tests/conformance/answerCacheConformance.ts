import type { DashboardQuery } from '@formboard/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type QueryFilters, type QueryRequest, type Store } from '../../src/index.ts';
import { type Json, type StoreHarness, scorecard } from './storeConformance.ts';

const source = 'kpi-scorecard';
const entry = (employee: string, period: string, score: number, status = 'approved'): Json => ({
  employee,
  period,
  status,
  score,
  kpis: [{ name: '交付', weight: 100, target: 100 }],
});

const byEmployee: DashboardQuery = {
  source,
  groupBy: ['employee'],
  measures: [
    { id: 'n', op: 'count' },
    { id: 'total', op: 'sum', field: 'score' },
    { id: 'mean', op: 'avg', field: 'score' },
    { id: 'low', op: 'min', field: 'score' },
    { id: 'high', op: 'max', field: 'score' },
  ],
};
const byStatus: DashboardQuery = { source, groupBy: ['status'], measures: [{ id: 'n', op: 'count' }] };
const weekly: DashboardQuery = {
  source,
  timeBucket: { field: 'period', unit: 'week' },
  measures: [
    { id: 'n', op: 'count' },
    { id: 'mean', op: 'avg', field: 'score' },
  ],
};
const approved: DashboardQuery = {
  source,
  filter: 'status = "approved"',
  measures: [{ id: 'best', op: 'max', field: 'score' }],
  sort: [],
};
const topScorer: DashboardQuery = { ...byEmployee, sort: [{ by: 'total', direction: 'desc' }], limit: 1 };
const january: QueryFilters = { dateRange: { field: 'period', from: '2026-01-01', to: '2026-02-01' } };

/** Every query with and without a date range: what a board asks. */
const asked: [DashboardQuery, QueryFilters][] = [byEmployee, byStatus, weekly, approved, topScorer].flatMap(
  (query): [DashboardQuery, QueryFilters][] => [
    [query, {}],
    [query, january],
  ],
);

/**
 * Board answers are kept per query, filters and record scope at the data version of their form, and
 * extended by inserted records: every answer must equal what a store with nothing kept computes, after
 * each kind of write, through this store or another one on the same database.
 */
export function describeAnswerCacheConformance(name: string, harness: StoreHarness): void {
  describe(`Answer cache: ${name}`, () => {
    let store: Store;
    let database: string;
    let raw: (sql: string) => Promise<void>;
    const hr = { actor: 'hr', ownerId: 'hr', orgUnitId: 'ou-a' };

    beforeEach(async () => {
      ({ store, database, raw } = await harness.open());
      await store.definitions.create(scorecard(), { author: 'hr' });
      await store.definitions.publish(source, 1, { author: 'hr' });
      await store.records.insertMany(
        source,
        [entry('张三', '2026-01-05', 50), entry('张三', '2026-01-12', 70), entry('李四', '2026-01-12', 90)],
        hr,
      );
    });
    afterEach(async () => {
      await store.close();
    });

    /** The answers of a store that never kept one (a new process on the same database). */
    async function fresh(): Promise<unknown[]> {
      const other = await openStore({ database });
      try {
        return await Promise.all(asked.map(([query, filters]) => other.queries.run(query, filters)));
      } finally {
        await other.close();
      }
    }
    const answers = () => Promise.all(asked.map(([query, filters]) => store.queries.run(query, filters)));

    it('extends kept answers with inserts, and recomputes them after updates and deletes', async () => {
      expect(await answers()).toEqual(await fresh());
      const added = await store.records.insert(source, entry('张三', '2026-01-20', 100, 'draft'), hr);
      expect(await answers()).toEqual(await fresh());
      expect(await store.queries.run(byEmployee)).toEqual([
        { employee: '张三', n: 3, total: 220, mean: 220 / 3, low: 50, high: 100 },
        { employee: '李四', n: 1, total: 90, mean: 90, low: 90, high: 90 },
      ]);
      await store.records.insertMany(
        source,
        [entry('王五', '2026-01-21', 30), entry('李四', '2026-02-02', 10)],
        hr,
      );
      expect(await answers()).toEqual(await fresh());
      expect(await store.queries.run(byStatus, january)).toEqual([
        { status: 'approved', n: 4 },
        { status: 'draft', n: 1 },
      ]);

      // An update moves a record to another person and lowers its score; a delete takes back a maximum.
      const moved = await store.records.update(added.id, entry('李四', '2026-01-20', 5, 'approved'), {
        actor: 'hr',
      });
      expect(await answers()).toEqual(await fresh());
      expect(await store.queries.run(approved, january)).toEqual([{ best: 90 }]);
      const best = (await store.records.list(source, { filter: 'score = 90' })).records[0];
      await store.records.delete(best?.id ?? '', { actor: 'hr' });
      expect(await answers()).toEqual(await fresh());
      expect(await store.queries.run(approved, january)).toEqual([{ best: 70 }]);
      expect(await store.queries.run(topScorer)).toEqual([
        { employee: '张三', n: 2, total: 120, mean: 60, low: 50, high: 70 },
      ]);
      expect(moved.revision).toBe(2);
    });

    it('keeps an answer while the data version stands, and extends it by inserted records alone', async () => {
      const count: DashboardQuery = { source, measures: [{ id: 'n', op: 'count' }] };
      expect(await store.queries.run(count)).toEqual([{ n: 3 }]);
      // A row written around the store changes no data version: the kept answer stands…
      await raw("INSERT INTO form_rows_1 (record_id, owner_id, org_unit_id) VALUES ('around', 'hr', 'ou-a')");
      expect(await store.queries.run(count)).toEqual([{ n: 3 }]);
      // …and an insert through the store adds that record alone, where computing afresh counts both.
      await store.records.insert(source, entry('王五', '2026-01-09', 80), hr);
      expect(await store.queries.run(count)).toEqual([{ n: 4 }]);
      const other = await openStore({ database });
      expect(await other.queries.run(count).finally(() => other.close())).toEqual([{ n: 5 }]);
    });

    it('keeps nothing when told not to: every run reads the rows', async () => {
      const count: DashboardQuery = { source, measures: [{ id: 'n', op: 'count' }] };
      const forgetful = await openStore({ database, keepAnswers: false });
      try {
        expect(await forgetful.queries.run(count)).toEqual([{ n: 3 }]);
        await raw(
          "INSERT INTO form_rows_1 (record_id, owner_id, org_unit_id) VALUES ('around', 'hr', 'ou-a')",
        );
        expect(await forgetful.queries.run(count)).toEqual([{ n: 4 }]);
      } finally {
        await forgetful.close();
      }
    });

    it('runs a board together: shared passes answer each query as if alone, errors stay its own', async () => {
      const distinct: DashboardQuery = {
        source,
        groupBy: ['employee'],
        measures: [{ id: 'statuses', op: 'distinct', field: 'status' }],
      };
      const board: QueryRequest[] = [
        ...asked.map(([query, filters]) => ({ query, filters })),
        { query: distinct },
      ];
      const unknown = { query: { ...byStatus, groupBy: ['nope'] } };
      const alone = async () => {
        const other = await openStore({ database });
        try {
          return await Promise.all(
            board.map(async (r) => ({ rows: await other.queries.run(r.query, r.filters) })),
          );
        } finally {
          await other.close();
        }
      };
      for (const write of [undefined, entry('王五', '2026-01-09', 80, 'draft')]) {
        if (write) await store.records.insert(source, write, hr);
        const together = await store.queries.runMany([...board, unknown]);
        expect(together.slice(0, -1)).toEqual(await alone());
        expect(together.at(-1)).toMatchObject({ error: { code: 'invalid' } });
      }
    });

    it('never answers one record scope with the answer of another', async () => {
      await store.records.insert(source, entry('赵六', '2026-01-07', 40), {
        actor: 'boss',
        ownerId: 'boss',
        orgUnitId: 'ou-b',
      });
      const count = { source, measures: [{ id: 'n', op: 'count' as const }] };
      const scopes: QueryFilters[] = [
        {},
        { ownerIds: ['hr'] },
        { ownerIds: ['boss'] },
        { orgUnitIds: ['ou-b'] },
      ];
      const run = () => Promise.all(scopes.map((filters) => store.queries.run(count, filters)));
      expect(await run()).toEqual([[{ n: 4 }], [{ n: 3 }], [{ n: 1 }], [{ n: 1 }]]);
      await store.records.insert(source, entry('赵六', '2026-01-08', 60), hr);
      expect(await run()).toEqual([[{ n: 5 }], [{ n: 4 }], [{ n: 1 }], [{ n: 1 }]]);
    });

    it('sees records another store on the same database wrote, and imports too large to extend by', async () => {
      expect(await answers()).toEqual(await fresh());
      const other = await openStore({ database });
      try {
        await other.records.insert(source, entry('王五', '2026-01-09', 80), hr);
        expect(await store.queries.run(byStatus)).toEqual([{ status: 'approved', n: 4 }]);
        const many = Array.from({ length: 1001 }, (_, i) => entry(`p${i % 7}`, '2026-01-15', i % 100));
        await other.records.insertMany(source, many, hr);
      } finally {
        await other.close();
      }
      expect(await answers()).toEqual(await fresh());
      expect(await store.queries.run(byStatus)).toEqual([{ status: 'approved', n: 1005 }]);
    });
  });
}
