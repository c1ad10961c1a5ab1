import { type DashboardQuery, type FormDefinition, indexFields } from '@formboard/schema';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { DefinitionStore } from '../src/definitions/DefinitionStore.ts';
import type { Dialect } from '../src/dialect/Dialect.ts';
import { openStore, type QueryFilters, type QueryRow, type Store } from '../src/index.ts';
import { formLayout } from '../src/layout/formLayouts.ts';
import { compileQuery, queryParts } from '../src/queries/compileQuery.ts';
import { passFamilies } from '../src/queries/passFamilies.ts';
import { QueryRunner } from '../src/queries/QueryRunner.ts';
import { sharedPasses } from '../src/queries/sharedPasses.ts';
import type { Json } from './conformance/storeConformance.ts';
import { scorecard } from './conformance/storeConformance.ts';
import { freshPostgresDatabase } from './support/databases.ts';
import { rawDialect } from './support/rawDialect.ts';

const FORM = 'kpi-scorecard';
const BOARD = 'scorecard-board';
const text = (s: string) => ({ 'zh-CN': s, en: s });

const count = { id: 'n', op: 'count' } as const;
const avgScore = { id: 'avg', op: 'avg', field: 'score' } as const;
/** A board's queries over the scorecard: cards, a status chart, a weekly line, comments, people. */
const queries: Record<string, DashboardQuery> = {
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
const january: QueryFilters = { dateRange: { field: 'period', from: '2026-01-01', to: '2026-02-01' } };
const nothing: QueryFilters = { dateRange: { field: 'period', from: '2030-01-01', to: '2030-02-01' } };

const board = (): Json => ({
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

/** Chinese text of `chars` characters that no compressor shrinks much (3 bytes each in UTF-8). */
function incompressible(chars: number): string {
  let seed = 7;
  return Array.from({ length: chars }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return String.fromCodePoint(0x4e00 + (seed % 0x5000));
  }).join('');
}

const entry = (i: number, comment = `备注 ${i % 3}`): Json => ({
  employee: `u${i % 9}`,
  period: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
  status: ['draft', 'submitted', 'approved'][i % 3],
  score: (i * 37) % 121,
  comment,
  kpis: [{ name: '交付', weight: 100, target: 100 }],
});

/** A dialect that notes every statement it runs, in its transactions too. */
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

describe('PostgreSQL board indexes', () => {
  let store: Store;
  let db: Dialect;
  let database: string;

  beforeEach(async () => {
    database = await freshPostgresDatabase(inject('postgresUrl'));
    store = await openStore({ database });
    db = rawDialect(database);
    await store.definitions.create(scorecard(), { author: 'hr' });
    await store.definitions.publish(FORM, 1, { author: 'hr' });
    await store.definitions.create(board(), { author: 'hr' });
    await store.definitions.publish(BOARD, 1, { author: 'hr' });
  });
  afterEach(async () => {
    await store.close();
    await db.close();
  });

  /** What a query answers read from the records' JSON, with no typed table, index or pass involved. */
  async function fromJson(query: DashboardQuery, filters: QueryFilters): Promise<QueryRow[]> {
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
  const asked = (filters: QueryFilters) => Object.values(queries).map((query) => ({ query, filters }));

  it('keeps rows with text too long for a B-tree entry out of the board index, and still answers them', async () => {
    const long = incompressible(2000); // 6,000 bytes: more than a B-tree entry may hold
    await store.records.insertMany(
      FORM,
      Array.from({ length: 60 }, (_, i) => entry(i)),
      { actor: 'hr' },
    );
    await store.records.insert(FORM, entry(60, long), { actor: 'hr' });
    for (const filters of [{}, january, nothing]) {
      const answers = await store.queries.runMany(asked(filters));
      for (const [i, query] of Object.values(queries).entries())
        expect(answers[i]).toEqual({ rows: await fromJson(query, filters) });
    }
    const [cards, , , , , comments] = await store.queries.runMany(asked(january));
    expect(cards).toMatchObject({ rows: [{ n: 61 }] });
    expect(comments).toMatchObject({ rows: expect.arrayContaining([{ comment: long, n: 1 }]) });
    // Rebuilding the typed table (a new form version) builds the indexes again over the long row.
    const v2 = await store.definitions.save(
      FORM,
      { ...scorecard(), title: text('考核表 v2'), data: { ...(scorecard().data as Json) } },
      { baseVersion: 1, author: 'hr' },
    );
    await store.definitions.publish(FORM, v2.version, { author: 'hr' });
    expect(await store.queries.run(queries.cards as DashboardQuery, january)).toMatchObject([{ n: 61 }]);
  });

  it('reads the typed table only through the board index, index-only, or the index of long rows', async () => {
    await store.records.insertMany(
      FORM,
      Array.from({ length: 300 }, (_, i) => entry(i)),
      { actor: 'hr' },
    );
    const layout = await formLayout(db, FORM);
    await db.run(`VACUUM (ANALYZE) ${layout?.table}`);
    const seen: { sql: string; params: readonly unknown[] }[] = [];
    const dialect = noting(db, seen);
    const runner = new QueryRunner(dialect, new DefinitionStore(dialect, () => ''), false);
    await runner.runMany(asked(january));
    const reads = seen.filter((s) => s.sql.includes(`FROM ${layout?.table}`));
    expect(reads.length).toBeGreaterThan(0);
    for (const { sql, params } of reads) {
      // Costs aside (a small table is cheaper to scan): can the plan avoid the table itself?
      const plan = await db.transaction(async (tx) => {
        await tx.run('SET LOCAL enable_seqscan = off');
        await tx.run('SET LOCAL enable_bitmapscan = off');
        const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      const scans = plan.split('\n').filter((line) => line.includes(` on ${layout?.table}`));
      expect(scans.length).toBeGreaterThan(0);
      for (const scan of scans)
        expect(scan).toMatch(
          new RegExp(`Index Only Scan using ${layout?.table}_b\\w+ |Index Scan using ${layout?.table}_long `),
        );
    }
    // A family of passes (cards, statuses, weeks, approved) is one statement over the period.
    expect(reads.filter((s) => s.sql.startsWith('WITH c AS MATERIALIZED'))).toHaveLength(1);
  });

  it('rolls each pass of a family up from its carrier to exactly the partial rows of its own statement', async () => {
    await store.records.insertMany(
      FORM,
      Array.from({ length: 90 }, (_, i) => entry(i)),
      { actor: 'hr' },
    );
    const layout = await formLayout(db, FORM);
    const definition = await store.definitions.get(FORM, 1);
    const index = indexFields((definition.content as unknown as FormDefinition).data);
    for (const filters of [january, nothing]) {
      const runs = Object.values(queries).map((query) => ({
        query,
        filters,
        compiled: queryParts(db.name, query, index, filters, layout),
        index,
        layout,
      }));
      const { families } = passFamilies(db.name, sharedPasses(db.name, runs).passes);
      expect(families.map((f) => f.members.length)).toEqual([5]);
      const [family] = families;
      const members = family?.members ?? [];
      const together = await family?.partialRows(
        db,
        members.map((_, i) => i),
      );
      for (const [i, member] of members.entries()) {
        const { statement, keys, combines } = member.plan.partial;
        const own = await db.query(statement.sql, statement.params);
        const rows = own.map((r) => [
          ...keys.map((k) => r[k] ?? null),
          ...combines.map((_, p) => (r[`p${p}`] === null ? null : Number(r[`p${p}`]))),
        ]);
        expect([...(together?.[i]?.values() ?? [])]).toEqual(rows);
      }
    }
  });

  it('builds the board indexes of a database whose store made none (migration 12)', async () => {
    const layout = await formLayout(db, FORM);
    const indexes = async () =>
      (
        await db.query<{ name: string }>('SELECT indexname AS name FROM pg_indexes WHERE tablename = ?', [
          layout?.table,
        ])
      )
        .map((r) => r.name)
        .sort();
    const built = await indexes();
    expect(built.map((name) => name.replace(/_b\w+$/, '_b…'))).toEqual([
      `${layout?.table}_b…`,
      `${layout?.table}_long`,
      `${layout?.table}_pkey`,
    ]);
    await store.close();
    // The database as the store left it before: a typed table with its primary key only.
    for (const name of built.filter((n) => !n.endsWith('_pkey'))) await db.run(`DROP INDEX ${name}`);
    await db.run(`DROP STATISTICS ${layout?.table}_text`);
    await db.run('DELETE FROM formboard_migrations WHERE version = 12');
    store = await openStore({ database });
    expect(await indexes()).toEqual(built);
  });

  it('computes passes together exactly as each alone, over no rows too, and keeps them through inserts', async () => {
    await store.records.insertMany(
      FORM,
      Array.from({ length: 90 }, (_, i) => entry(i)),
      { actor: 'hr' },
    );
    const alone = async (filters: QueryFilters) => {
      const other = await openStore({ database });
      try {
        const rows: unknown[] = [];
        for (const query of Object.values(queries))
          rows.push({ rows: await other.queries.run(query, filters) });
        return rows;
      } finally {
        await other.close();
      }
    };
    for (const filters of [{}, january, nothing])
      expect(await store.queries.runMany(asked(filters))).toEqual(await alone(filters));
    const [cards, , byStatus] = await store.queries.runMany(asked(nothing));
    expect(cards).toEqual({ rows: [{ n: 0, avg: null, best: null }] });
    expect(byStatus).toEqual({ rows: [] });
    // Kept answers, extended by an insert, equal a store's that kept none.
    await store.records.insert(FORM, entry(7, '新的'), { actor: 'hr' });
    for (const filters of [{}, january])
      expect(await store.queries.runMany(asked(filters))).toEqual(await alone(filters));
  });
});
