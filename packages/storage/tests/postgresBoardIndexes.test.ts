import type { DashboardQuery } from '@formboard/schema';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { DefinitionStore } from '../src/definitions/DefinitionStore.ts';
import type { Dialect } from '../src/dialect/Dialect.ts';
import { openStore, type QueryFilters, type Store } from '../src/index.ts';
import { formLayout } from '../src/layout/formLayouts.ts';
import { QueryRunner } from '../src/queries/QueryRunner.ts';
import { type Json, scorecard } from './conformance/storeConformance.ts';
import { freshPostgresDatabase } from './support/databases.ts';
import { rawDialect } from './support/rawDialect.ts';
import {
  asked,
  BOARD,
  board,
  entry,
  FORM,
  january,
  jsonAnswer,
  nothing,
  noting,
  queries,
} from './support/scorecardBoard.ts';

const text = (s: string) => ({ 'zh-CN': s, en: s });

/** Chinese text of `chars` characters that no compressor shrinks much (3 bytes each in UTF-8). */
function incompressible(chars: number): string {
  let seed = 7;
  return Array.from({ length: chars }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return String.fromCodePoint(0x4e00 + (seed % 0x5000));
  }).join('');
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

  const fromJson = (query: DashboardQuery, filters: QueryFilters) => jsonAnswer(store, db, query, filters);

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
});
