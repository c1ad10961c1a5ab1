import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREVIOUS, type Store } from '../../src/index.ts';
import { type Json, type StoreHarness, scorecard } from './storeConformance.ts';

const record = (
  employee: string,
  period: string,
  score: number,
  status: string,
  kpis: [string, number][],
): Json => ({
  employee,
  period,
  status,
  score,
  kpis: kpis.map(([name, weight]) => ({ name, weight, target: 100 })),
});

/** Dashboard queries compiled to SQL give the same rows on every Store implementation. */
export function describeQueryConformance(name: string, harness: StoreHarness): void {
  describe(`Query conformance: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      ({ store } = await harness.open());
      await store.definitions.create(scorecard(), { author: 'hr' });
      await store.definitions.publish('kpi-scorecard', 1, { author: 'hr' });
      const rows = [
        record('张三', '2025-12-29', 50, 'submitted', [
          ['交付', 60],
          ['质量', 40],
        ]),
        record('张三', '2026-01-01', 70, 'approved', [['交付', 100]]),
        record('李四', '2026-01-04', 90, 'approved', [
          ['交付', 50],
          ['质量', 50],
        ]),
        record('李四', '2026-01-05', 40, 'submitted', [['质量', 100]]),
        record('王五', '2026-02-10', 80, 'draft', [['交付', 100]]),
      ];
      await store.records.insertMany('kpi-scorecard', rows.slice(0, 3), {
        actor: 'hr',
        ownerId: 'hr',
        orgUnitId: 'ou-a',
      });
      await store.records.insertMany('kpi-scorecard', rows.slice(3), {
        actor: 'hr',
        ownerId: 'boss',
        orgUnitId: 'ou-b',
      });
    });
    afterEach(async () => {
      await store.close();
    });

    it('averages by ISO week in a time zone, across the new year', async () => {
      const rows = await store.queries.run({
        source: 'kpi-scorecard',
        timeBucket: { field: 'period', unit: 'week', timeZone: 'Asia/Shanghai' },
        measures: [
          { id: 'avgScore', op: 'avg', field: 'score' },
          { id: 'n', op: 'count' },
        ],
      });
      expect(rows).toEqual([
        { period: '2025-12-29', avgScore: 70, n: 3 },
        { period: '2026-01-05', avgScore: 40, n: 1 },
        { period: '2026-02-09', avgScore: 80, n: 1 },
      ]);
    });

    it('groups by fields, filters with a formula, sorts and limits', async () => {
      const rows = await store.queries.run({
        source: 'kpi-scorecard',
        filter: 'status <> "draft" AND score >= 50',
        groupBy: ['employee'],
        measures: [
          { id: 'best', op: 'max', field: 'score' },
          { id: 'total', op: 'sum', field: 'score' },
        ],
        sort: [{ by: 'total', direction: 'desc' }],
        limit: 1,
      });
      expect(rows).toEqual([{ employee: '张三', best: 70, total: 120 }]);
    });

    it('buckets by month and quarter', async () => {
      const months = await store.queries.run({
        source: 'kpi-scorecard',
        timeBucket: { field: 'period', unit: 'month' },
        measures: [{ id: 'n', op: 'count' }],
      });
      expect(months).toEqual([
        { period: '2025-12-01', n: 1 },
        { period: '2026-01-01', n: 3 },
        { period: '2026-02-01', n: 1 },
      ]);
      const quarters = await store.queries.run({
        source: 'kpi-scorecard',
        timeBucket: { field: 'period', unit: 'quarter' },
        measures: [{ id: 'n', op: 'count' }],
      });
      expect(quarters).toEqual([
        { period: '2025-10-01', n: 1 },
        { period: '2026-01-01', n: 4 },
      ]);
    });

    it('aggregates the rows of a repeating table', async () => {
      const rows = await store.queries.run({
        source: 'kpi-scorecard',
        groupBy: ['kpis[].name'],
        measures: [
          { id: 'weight', op: 'sum', field: 'kpis[].weight' },
          { id: 'rows', op: 'count' },
          { id: 'people', op: 'distinct', field: 'employee' },
        ],
      });
      expect(rows).toEqual([
        { 'kpis[].name': '交付', weight: 310, rows: 4, people: 3 },
        { 'kpis[].name': '质量', weight: 190, rows: 3, people: 2 },
      ]);
    });

    it('computes measures from measures, and applies dashboard filters and record scopes', async () => {
      const rows = await store.queries.run(
        {
          source: 'kpi-scorecard',
          groupBy: ['status'],
          measures: [
            { id: 'total', op: 'sum', field: 'score' },
            { id: 'n', op: 'count' },
            { id: 'mean', formula: 'IFERROR(total / n, 0)' },
          ],
        },
        { dateRange: { field: 'period', from: '2026-01-01', to: '2026-02-01' }, orgUnitIds: ['ou-a'] },
      );
      expect(rows).toEqual([{ status: 'approved', total: 160, n: 2, mean: 80 }]);
      expect(
        await store.queries.run(
          { source: 'kpi-scorecard', measures: [{ id: 'n', op: 'count' }] },
          { ownerIds: [] },
        ),
      ).toEqual([{ n: 0 }]);
    });

    it('compares with the previous bucket, or with the previous date range', async () => {
      const weekly = await store.queries.run({
        source: 'kpi-scorecard',
        timeBucket: { field: 'period', unit: 'week' },
        measures: [{ id: 'n', op: 'count' }],
        compareWithPrevious: true,
      });
      expect(weekly.map((r) => [r.period, r.n, r[PREVIOUS]])).toEqual([
        ['2025-12-29', 3, null],
        ['2026-01-05', 1, { n: 3 }],
        ['2026-02-09', 1, { n: 1 }],
      ]);
      const january = await store.queries.run(
        {
          source: 'kpi-scorecard',
          measures: [{ id: 'avgScore', op: 'avg', field: 'score' }],
          compareWithPrevious: true,
        },
        { dateRange: { field: 'period', from: '2026-01-01', to: '2026-02-01' } },
      );
      expect(january).toEqual([{ avgScore: 200 / 3, [PREVIOUS]: { avgScore: 50 } }]);
    });

    it('refuses filters it cannot run in the database, and unknown fields', async () => {
      await expect(
        store.queries.run({
          source: 'kpi-scorecard',
          filter: 'TEXT(score, "0") = "5"',
          measures: [{ id: 'n', op: 'count' }],
        }),
      ).rejects.toThrow(/board filters do not support TEXT/);
      await expect(
        store.queries.run({
          source: 'kpi-scorecard',
          groupBy: ['nope'],
          measures: [{ id: 'n', op: 'count' }],
        }),
      ).rejects.toMatchObject({
        code: 'invalid',
      });
    });
  });
}
