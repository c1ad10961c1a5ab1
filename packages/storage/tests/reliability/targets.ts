import pg from 'pg';
import { SqliteDialect } from '../../src/dialect/sqlite/SqliteDialect.ts';
import { freshPostgresDatabase } from '../support/databases.ts';
import { freshSqliteFile } from '../support/sqliteFiles.ts';

/** A database backend the reliability tests run against, with the database's own integrity check. */
export interface ReliabilityTarget {
  readonly name: string;
  /** A new, empty database: a SQLite file path or a postgres:// URL. */
  fresh(): Promise<string>;
  /** What the database itself finds wrong with its files (none when sound). */
  integrityProblems(database: string): Promise<string[]>;
}

/** SQLite: `PRAGMA integrity_check` and `PRAGMA foreign_key_check`. */
export const sqliteTarget: ReliabilityTarget = {
  name: 'SQLite',
  fresh: async () => freshSqliteFile(),
  async integrityProblems(file) {
    const db = new SqliteDialect(file);
    try {
      const integrity = await db.integrityCheck();
      const orphans = await db.query('PRAGMA foreign_key_check');
      return [
        ...(integrity === 'ok' ? [] : [`integrity_check: ${integrity}`]),
        ...orphans.map((row) => `foreign_key_check: ${JSON.stringify(row)}`),
      ];
    } finally {
      await db.close();
    }
  },
};

/** PostgreSQL: amcheck's `verify_heapam` on every table and `bt_index_check` (with heap) on every index. */
export function postgresTarget(adminUrl: string): ReliabilityTarget {
  return {
    name: 'PostgreSQL',
    fresh: () => freshPostgresDatabase(adminUrl),
    async integrityProblems(url) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('CREATE EXTENSION IF NOT EXISTS amcheck');
        const heap = await client.query<{ relname: string; msg: string }>(
          `SELECT c.relname, v.msg FROM pg_class c, LATERAL verify_heapam(c.oid) v
           WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace`,
        );
        const problems = heap.rows.map((r) => `verify_heapam(${r.relname}): ${r.msg}`);
        const indexes = await client.query<{ oid: number; relname: string }>(
          `SELECT c.oid, c.relname FROM pg_class c JOIN pg_am am ON am.oid = c.relam
           WHERE c.relkind = 'i' AND am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace`,
        );
        for (const index of indexes.rows) {
          try {
            await client.query('SELECT bt_index_check($1, true)', [index.oid]);
          } catch (error) {
            problems.push(`bt_index_check(${index.relname}): ${(error as Error).message}`);
          }
        }
        return problems;
      } finally {
        await client.end();
      }
    },
  };
}
