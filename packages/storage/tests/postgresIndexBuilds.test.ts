import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { PostgresDialect } from '../src/dialect/postgres/PostgresDialect.ts';
import { openStore, type Store } from '../src/index.ts';
import { formLayout } from '../src/layout/formLayouts.ts';
import { buildBoardIndexesConcurrently } from '../src/layout/postgresIndexBuilds.ts';
import { scorecard } from './conformance/storeConformance.ts';
import { freshPostgresDatabase } from './support/databases.ts';
import { asked, BOARD, board, entry, FORM, january, jsonAnswer, queries } from './support/scorecardBoard.ts';

const hr = { actor: 'hr' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Publishing a dashboard on PostgreSQL builds its board indexes after the commit, with CREATE INDEX
// CONCURRENTLY (src/layout/postgresIndexBuilds.ts): the form's writers go on during the build.
describe('PostgreSQL board indexes built concurrently', () => {
  let store: Store;
  let db: PostgresDialect;
  let database: string;
  let table: string;

  beforeEach(async () => {
    database = await freshPostgresDatabase(inject('postgresUrl'));
    store = await openStore({ database });
    db = new PostgresDialect(database);
    await store.definitions.create(scorecard(), { author: 'hr' });
    await store.definitions.publish(FORM, 1, { author: 'hr' });
    await store.records.insertMany(
      FORM,
      Array.from({ length: 120 }, (_, i) => entry(i)),
      hr,
    );
    await store.definitions.create(board(), { author: 'hr' });
    table = (await formLayout(db, FORM))?.table ?? '';
  });
  afterEach(async () => {
    await store.close();
    await db.close();
  });

  /** The board indexes on the typed table, by name, and whether each is valid. */
  const boardIndexes = async () =>
    (
      await db.query<{ name: string; valid: boolean }>(
        `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i
         JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = ?::regclass AND c.relname LIKE ?`,
        [table, `${table}\\_b%`],
      )
    ).map((r) => [r.name, r.valid] as const);

  /** Every widget's answer equals what the records' JSON says. */
  async function answersAreRight(): Promise<void> {
    const answers = await store.queries.runMany(asked(january));
    for (const [i, query] of Object.values(queries).entries()) {
      if (query.sort) continue; // comments: ties in any order
      expect(answers[i]).toEqual({ rows: await jsonAnswer(store, db, query, january) });
    }
  }

  it('lets writes to the form go on while the index of a published board is built', async () => {
    expect(await boardIndexes()).toEqual([]);
    // A transaction elsewhere that holds an old snapshot: the build waits for it to end before it can
    // mark the index valid ("waiting for old snapshots"), which keeps the build running for this test.
    const reader = new pg.Client({ connectionString: database });
    await reader.connect();
    try {
      await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await reader.query('SELECT count(*) FROM definitions');
      const publishing = store.definitions.publish(BOARD, 1, { author: 'hr' });
      let progress: { pid: number; phase: string } | undefined;
      for (let i = 0; i < 200 && progress?.phase !== 'waiting for old snapshots'; i += 1) {
        await sleep(50);
        [progress] = await db.query<{ pid: number; phase: string }>(
          `SELECT pid, phase FROM pg_stat_progress_create_index
           WHERE relid = ?::regclass AND command = 'CREATE INDEX CONCURRENTLY'`,
          [table],
        );
      }
      expect(progress?.phase).toBe('waiting for old snapshots');
      // The build holds nothing on the table that writers wait for.
      const locks = await db.query<{ mode: string }>(
        'SELECT mode FROM pg_locks WHERE pid = ? AND relation = ?::regclass',
        [progress?.pid, table],
      );
      expect(locks.map((l) => l.mode)).toEqual(['ShareUpdateExclusiveLock']);
      const written = await Promise.race([
        store.records.insert(FORM, entry(500), hr).then(() => 'written'),
        sleep(10_000).then(() => 'waited'),
      ]);
      expect(written).toBe('written');
      const [still] = await db.query('SELECT 1 FROM pg_stat_progress_create_index WHERE pid = ?', [
        progress?.pid,
      ]);
      expect(still).toBeDefined();
      await answersAreRight();
      await reader.query('COMMIT');
      expect(await publishing).toMatchObject({ state: 'published' });
    } finally {
      await reader.end();
    }
    expect(await boardIndexes()).toEqual([[expect.stringMatching(/_b\w+$/), true]]);
    await answersAreRight();
  });

  it('drops an invalid index a build left behind and builds it again, and does nothing twice', async () => {
    await store.definitions.publish(BOARD, 1, { author: 'hr' });
    const [[name] = ['']] = await boardIndexes();
    // As a build that failed, or whose process died, leaves it: there, but never used.
    await db.run('UPDATE pg_index SET indisvalid = false WHERE indexrelid = ?::regclass', [name]);
    await answersAreRight();
    const builds = await buildBoardIndexesConcurrently(db);
    expect(builds).toEqual({ built: [name], dropped: [name], failed: [] });
    expect(await boardIndexes()).toEqual([[name, true]]);
    expect(await buildBoardIndexesConcurrently(db)).toEqual({ built: [], dropped: [], failed: [] });
    // Dropped altogether (a crash before the build began): built when a store opens.
    await db.run(`DROP INDEX ${name}`);
    await answersAreRight();
    await (await openStore({ database })).close();
    expect(await boardIndexes()).toEqual([[name, true]]);
  });

  it("drops an archived board's index after the archiving commits", async () => {
    await store.definitions.publish(BOARD, 1, { author: 'hr' });
    expect(await boardIndexes()).toHaveLength(1);
    await store.definitions.archive(BOARD, { author: 'hr' });
    expect(await boardIndexes()).toEqual([]);
    await answersAreRight();
  });
});
