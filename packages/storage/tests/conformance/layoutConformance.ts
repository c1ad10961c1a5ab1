import { type DashboardQuery, type FormDefinition, indexFields } from '@formboard/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/dialect/Dialect.ts';
import { openStore, type QueryFilters, type Store } from '../../src/index.ts';
import { formLayout } from '../../src/layout/formLayouts.ts';
import { compileQuery } from '../../src/queries/compileQuery.ts';
import { rawDialect } from '../support/rawDialect.ts';
import type { Json, StoreHarness } from './storeConformance.ts';

const FORM = 'weekly-report';
const BOARD = 'weekly-board';
const text = (s: string) => ({ 'zh-CN': s, en: s });

/** A form over `properties`, each field laid out once. */
function weeklyForm(properties: Json): Json {
  const keys = Object.keys(properties);
  return {
    kind: 'form',
    id: FORM,
    schemaVersion: 1,
    title: text('周报'),
    data: { type: 'object', properties, required: ['employee', 'day'] },
    layout: {
      root: keys.map((k) => `f_${k}`),
      nodes: Object.fromEntries(keys.map((k) => [`f_${k}`, { type: 'field', path: k }])),
    },
  };
}

const V1 = {
  employee: { type: 'string', format: 'user' },
  day: { type: 'string', format: 'date' },
  status: { type: 'string', enum: ['open', 'done'] },
  score: { type: 'number' },
  target: { type: 'string' },
};
const V2 = { ...V1, site: { type: 'string' } };
const V3 = { ...V2, target: { type: 'number' } };
const V4 = { ...V1, target: { type: 'number' } };

const weekly: DashboardQuery = {
  source: FORM,
  groupBy: ['status'],
  timeBucket: { field: 'day', unit: 'week' },
  measures: [
    { id: 'n', op: 'count' },
    { id: 'avgScore', op: 'avg', field: 'score' },
    { id: 'low', op: 'min', field: 'score' },
    { id: 'high', op: 'max', field: 'score' },
    { id: 'total', op: 'sum', field: 'score' },
    { id: 'people', op: 'distinct', field: 'employee' },
  ],
};
const byEmployee: DashboardQuery = {
  source: FORM,
  filter: 'score >= 50 AND status = "done"',
  groupBy: ['employee'],
  measures: [
    { id: 'n', op: 'count' },
    { id: 'targets', op: 'count', field: 'target' },
  ],
};
const january: QueryFilters = { dateRange: { field: 'day', from: '2026-01-01', to: '2026-02-01' } };

const dashboard = (queries: readonly DashboardQuery[]): Json => ({
  kind: 'dashboard',
  id: BOARD,
  schemaVersion: 1,
  title: text('周报看板'),
  grid: { columns: 24 },
  widgets: queries.map((query, i) => ({
    id: `w${i}`,
    type: 'bar',
    layout: { x: 0, y: i * 4, w: 24, h: 4 },
    query,
  })),
});

/** The typed record tables answer exactly what the records' JSON answers, on every Store implementation. */
export function describeLayoutConformance(name: string, harness: StoreHarness): void {
  describe(`Record layout conformance: ${name}`, () => {
    let store: Store;
    let raw: (sql: string) => Promise<void>;
    let database: string;
    let db: Dialect;

    const publish = async (properties: Json) => {
      const info = await store.definitions.getInfo(FORM).catch(() => undefined);
      const version = info
        ? await store.definitions.save(FORM, weeklyForm(properties), {
            baseVersion: info.headVersion,
            author: 'hr',
          })
        : await store.definitions.create(weeklyForm(properties), { author: 'hr' });
      await store.definitions.publish(FORM, version.version, { author: 'hr' });
    };
    const enter = (employee: string, day: string, score: number, extra: Json = {}) =>
      store.records.insert(FORM, { employee, day, status: 'done', score, ...extra }, { actor: employee });

    /** Runs a query on the typed table and on the JSON data, expects the same rows, returns them. */
    const bothWays = async (query: DashboardQuery, filters: QueryFilters = {}) => {
      const layout = await formLayout(db, FORM);
      if (!layout) throw new Error('the form has no layout');
      const version = await store.definitions.get(FORM, layout.formVersion);
      const index = indexFields((version.content as unknown as FormDefinition).data);
      const typed = compileQuery(db.name, query, index, filters, layout);
      const json = compileQuery(db.name, query, index, filters);
      expect(typed.sql).toContain(`FROM ${layout.table}`);
      expect(json.sql).not.toContain(layout.table);
      const rows = await db.query(typed.sql, typed.params);
      expect(rows).toEqual(await db.query(json.sql, json.params));
      return store.queries.run(query, filters);
    };
    /**
     * The board indexes on the form's typed table. PostgreSQL merges those with the same leading column
     * (see postgresBoardIndexes.ts); none of these boards' specs share one.
     */
    const boardIndexes = async () => {
      const layout = await formLayout(db, FORM);
      const rows = await db.query<{ name: string }>(
        db.name === 'sqlite'
          ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
          : 'SELECT indexname AS name FROM pg_indexes WHERE tablename = ?',
        [layout?.table],
      );
      return rows.map((r) => r.name).filter((n) => n.startsWith(`${layout?.table}_b`));
    };

    beforeEach(async () => {
      ({ store, raw, database } = await harness.open());
      db = rawDialect(database);
    });
    afterEach(async () => {
      await store.close();
      await db.close();
    });

    it('keeps the typed table in step with inserts, updates, soft deletes and imports', async () => {
      await publish(V1);
      const a = await enter('zhang', '2026-01-05', 60, { target: '高' });
      await enter('li', '2026-01-06', 90);
      await enter('zhang', '2026-01-14', 30, { status: 'open' });
      expect(await bothWays(weekly)).toEqual([
        { status: 'done', day: '2026-01-05', n: 2, avgScore: 75, low: 60, high: 90, total: 150, people: 2 },
        { status: 'open', day: '2026-01-12', n: 1, avgScore: 30, low: 30, high: 30, total: 30, people: 1 },
      ]);
      await store.records.update(
        a.id,
        { employee: 'zhang', day: '2026-01-12', status: 'open', score: 10 },
        {
          actor: 'boss',
        },
      );
      expect(await bothWays(weekly)).toEqual([
        { status: 'done', day: '2026-01-05', n: 1, avgScore: 90, low: 90, high: 90, total: 90, people: 1 },
        { status: 'open', day: '2026-01-12', n: 2, avgScore: 20, low: 10, high: 30, total: 40, people: 1 },
      ]);
      await store.records.delete(a.id, { actor: 'boss' });
      await store.records.insertMany(
        FORM,
        [
          { employee: 'wang', day: '2026-01-07', status: 'done', score: 70, target: '中' },
          { employee: 'wang', day: '2026-02-02', status: 'done', score: 50 },
        ],
        { actor: 'hr', ownerId: 'hr', orgUnitId: 'ou-1' },
      );
      expect(await bothWays(weekly)).toEqual([
        { status: 'done', day: '2026-01-05', n: 2, avgScore: 80, low: 70, high: 90, total: 160, people: 2 },
        { status: 'done', day: '2026-02-02', n: 1, avgScore: 50, low: 50, high: 50, total: 50, people: 1 },
        { status: 'open', day: '2026-01-12', n: 1, avgScore: 30, low: 30, high: 30, total: 30, people: 1 },
      ]);
      expect(await bothWays(byEmployee, january)).toEqual([
        { employee: 'li', n: 1, targets: 0 },
        { employee: 'wang', n: 1, targets: 1 },
      ]);
      expect(await bothWays(weekly, { orgUnitIds: ['ou-1'], ownerIds: ['hr'] })).toHaveLength(2);
    });

    it('lays the table out anew when a published version adds, retypes or removes fields, or is restored', async () => {
      await publish(V1);
      await enter('张三', '2026-01-05', 60, { target: '90' });
      await publish(V2);
      await enter('李四', '2026-01-06', 80, { site: '苏州', target: '95' });
      const bySite = { ...byEmployee, filter: 'score > 0', groupBy: ['site'] };
      expect((await bothWays(bySite)).sort((x, y) => String(x.site).localeCompare(String(y.site)))).toEqual([
        { site: null, n: 1, targets: 1 },
        { site: '苏州', n: 1, targets: 1 },
      ]);
      await publish(V3);
      await enter('王五', '2026-01-07', 70, { site: '苏州', target: 100 });
      const targets: DashboardQuery = {
        source: FORM,
        measures: [
          { id: 'n', op: 'count' },
          { id: 'numbers', op: 'count', field: 'target' },
          { id: 'avgTarget', op: 'avg', field: 'target' },
        ],
      };
      // Text left in a field that is now a number reads as blank, on both databases alike.
      expect(await bothWays(targets)).toEqual([{ n: 3, numbers: 1, avgTarget: 100 }]);
      await publish(V4);
      await expect(store.queries.run(bySite)).rejects.toMatchObject({ code: 'invalid' });
      expect(await bothWays(targets)).toEqual([{ n: 3, numbers: 1, avgTarget: 100 }]);
      const restored = await store.definitions.restore(FORM, 2, { author: 'hr' });
      await store.definitions.publish(FORM, restored.version, { author: 'hr' });
      expect((await bothWays(bySite)).sort((x, y) => String(x.site).localeCompare(String(y.site)))).toEqual([
        { site: null, n: 1, targets: 1 },
        { site: '苏州', n: 2, targets: 1 },
      ]);
    });

    it('never leaves the typed table behind when imports and new layouts race', async () => {
      await publish(V1);
      const batch = (k: number) =>
        store.records.insertMany(
          FORM,
          Array.from({ length: 50 }, (_, i) => ({ employee: `u${k}`, day: '2026-01-05', score: i })),
          { actor: 'hr' },
        );
      const saved = await store.definitions.save(FORM, weeklyForm(V2), { baseVersion: 1, author: 'hr' });
      await Promise.all([
        batch(1),
        batch(2),
        store.definitions.publish(FORM, saved.version, { author: 'hr' }),
        batch(3),
        batch(4),
      ]);
      const rows = await bothWays({ ...weekly, groupBy: ['site'] });
      expect(rows.map((r) => [r.site, r.n, r.total])).toEqual([[null, 200, 4 * 1225]]);
    });

    it('builds the board indexes of a published dashboard, and drops them when it is archived', async () => {
      await publish(V1);
      await store.records.insertMany(
        FORM,
        Array.from({ length: 3_000 }, (_, i) => ({
          employee: `u${i % 7}`,
          day: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
          status: i % 3 ? 'done' : 'open',
          score: i % 101,
        })),
        { actor: 'hr' },
      );
      const before = await bothWays(weekly);
      expect(before.reduce((n, row) => n + Number(row.n), 0)).toBe(3_000);
      await store.definitions.create(dashboard([weekly, byEmployee, { ...weekly, groupBy: [] }]), {
        author: 'hr',
      });
      await store.definitions.publish(BOARD, 1, { author: 'hr' });
      expect(await boardIndexes()).toHaveLength(3);
      expect(await bothWays(weekly)).toEqual(before);
      await store.definitions.save(BOARD, dashboard([weekly]), { baseVersion: 1, author: 'hr' });
      await store.definitions.publish(BOARD, 2, { author: 'hr' });
      expect(await boardIndexes()).toHaveLength(1);
      await store.definitions.archive(BOARD, { author: 'hr' });
      expect(await boardIndexes()).toEqual([]);
      expect(await bothWays(weekly)).toEqual(before);
    });

    it('rebuilds the typed tables and board indexes of an existing database when migrating', async () => {
      await publish(V2);
      await enter('张三', '2026-01-05', 60, { site: '苏州' });
      await store.definitions.create(dashboard([weekly]), { author: 'hr' });
      await store.definitions.publish(BOARD, 1, { author: 'hr' });
      const table = (await formLayout(db, FORM))?.table;
      await store.close();
      // The database as the store left it before migration 5.
      await raw(`DROP TABLE ${table}; DROP TABLE form_layouts; DROP TABLE board_indexes;`);
      await raw('DELETE FROM formboard_migrations WHERE version = 5');
      store = await openStore({ database });
      expect(await boardIndexes()).toHaveLength(1);
      expect(await bothWays(weekly)).toEqual([
        { status: 'done', day: '2026-01-05', n: 1, avgScore: 60, low: 60, high: 60, total: 60, people: 1 },
      ]);
    });
  });
}
