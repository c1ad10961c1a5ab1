import { type DashboardQuery, type FormDefinition, indexFields } from '@formboard/schema';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { DefinitionStore } from '../src/definitions/DefinitionStore.ts';
import type { Dialect } from '../src/dialect/Dialect.ts';
import { openStore, type QueryFilters, type Store } from '../src/index.ts';
import { sqliteBoardIndexes } from '../src/layout/boardIndexes.ts';
import { formLayout } from '../src/layout/formLayouts.ts';
import { queryParts } from '../src/queries/compileQuery.ts';
import { passFamilies } from '../src/queries/passFamilies.ts';
import { QueryRunner } from '../src/queries/QueryRunner.ts';
import { sharedPasses } from '../src/queries/sharedPasses.ts';
import { scorecard } from './conformance/storeConformance.ts';
import { freshPostgresDatabase } from './support/databases.ts';
import { rawDialect } from './support/rawDialect.ts';
import {
  asked,
  BOARD,
  board,
  entry,
  FORM,
  january,
  nothing,
  noting,
  queries,
} from './support/scorecardBoard.ts';
import { freshSqliteFile } from './support/sqliteFiles.ts';

const BACKENDS = {
  SQLite: async () => freshSqliteFile(),
  PostgreSQL: async () => freshPostgresDatabase(inject('postgresUrl')),
};

// Pass families (src/queries/passFamilies.ts) on both databases: the passes of a board over the same
// rows read them once into a carrier and are rolled up from it, to exactly what each computes alone.
describe.each(Object.entries(BACKENDS))('Pass families: %s', (_name, fresh) => {
  let store: Store;
  let db: Dialect;
  let database: string;

  beforeEach(async () => {
    database = await fresh();
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

  it('rolls each pass of a family up from its carrier to exactly the partial rows of its own statement', async () => {
    await store.records.insertMany(
      FORM,
      Array.from({ length: 90 }, (_, i) => entry(i)),
      { actor: 'hr' },
    );
    const layout = await formLayout(db, FORM);
    const indexes = layout && db.name === 'sqlite' ? await sqliteBoardIndexes(db, layout) : [];
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
      const { families } = passFamilies(db.name, sharedPasses(db.name, runs).passes, () => indexes);
      // Cards, approved, statuses, weeks and status months; comments (text) and people (5,000 at a
      // factory) have too many values for a carrier.
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

describe('Pass families on SQLite', () => {
  let store: Store;
  let db: Dialect;
  let database: string;

  beforeEach(async () => {
    database = freshSqliteFile();
    store = await openStore({ database });
    db = rawDialect(database);
    await store.definitions.create(scorecard(), { author: 'hr' });
    await store.definitions.publish(FORM, 1, { author: 'hr' });
    await store.definitions.create(board(), { author: 'hr' });
    await store.definitions.publish(BOARD, 1, { author: 'hr' });
    await store.records.insertMany(
      FORM,
      Array.from({ length: 60 }, (_, i) => entry(i)),
      { actor: 'hr' },
    );
  });
  afterEach(async () => {
    await store.close();
    await db.close();
  });

  /** The statements a board run sends over the typed table (a runner keeping no answers). */
  async function statements(requests: ReturnType<typeof asked>) {
    const seen: { sql: string; params: readonly unknown[] }[] = [];
    const dialect = noting(db, seen);
    await new QueryRunner(dialect, new DefinitionStore(dialect, () => ''), false).runMany(requests);
    return seen.filter((s) => /FROM form_rows_\d+/.test(s.sql));
  }

  /** The lines of a statement's plan under the materialised carrier `c`. */
  async function carrierPlan(sql: string, params: readonly unknown[]): Promise<string[]> {
    const rows = await db.query<{ id: number; parent: number; detail: string }>(
      `EXPLAIN QUERY PLAN ${sql}`,
      params,
    );
    const under = new Set(rows.filter((r) => r.detail === 'MATERIALIZE c').map((r) => r.id));
    for (const r of rows) if (under.has(r.parent)) under.add(r.id);
    return rows.filter((r) => under.has(r.id) && r.detail !== 'MATERIALIZE c').map((r) => r.detail);
  }

  it("reads a family's carrier through its board index in the index's order, with no sort", async () => {
    const layout = await formLayout(db, FORM);
    const reads = await statements(asked(january));
    const families = reads.filter((s) => s.sql.startsWith('WITH c AS MATERIALIZED'));
    // One carrier for the five passes over few values; comments and people are passes of their own.
    expect(families).toHaveLength(1);
    expect(reads).toHaveLength(3);
    for (const { sql, params } of families)
      expect(await carrierPlan(sql, params)).toEqual([
        expect.stringMatching(
          new RegExp(`^SEARCH r USING COVERING INDEX ${layout?.table}_b\\w+ \\(c\\d+>\\? AND c\\d+<\\?\\)$`),
        ),
      ]);
  });

  it('computes a widget asked for alone from a carrier too (its own statement might sort)', async () => {
    const [byStatus] = await statements([{ query: queries.byStatus as DashboardQuery, filters: january }]);
    expect(byStatus?.sql).toMatch(/^WITH c AS MATERIALIZED/);
    expect(await carrierPlan(byStatus?.sql ?? '', byStatus?.params ?? [])).not.toContainEqual(
      expect.stringContaining('TEMP B-TREE'),
    );
  });

  it('gives a database whose boards were published before pass families their family index (migration 15)', async () => {
    const layout = await formLayout(db, FORM);
    if (!layout) throw new Error('the form is laid out');
    const expected = (await sqliteBoardIndexes(db, layout)).sort();
    await store.close();
    // The specs and indexes of the store before: one index per widget key, none led by the family's.
    await db.run('DELETE FROM board_indexes');
    for (const name of (
      await db.query<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'form_rows_%_b%'",
      )
    ).map((r) => r.name))
      await db.run(`DROP INDEX ${name}`);
    await db.run(`CREATE INDEX ${layout.table}_bold ON ${layout.table} (c1, c2)`);
    await db.run('DELETE FROM formboard_migrations WHERE version = 15');
    store = await openStore({ database });
    expect((await sqliteBoardIndexes(db, layout)).sort()).toEqual(expected);
    const reads = await statements(asked(january));
    expect(reads.filter((s) => s.sql.startsWith('WITH c AS MATERIALIZED'))).toHaveLength(1);
  });
});
