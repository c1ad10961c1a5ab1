import { describe, expect, it } from 'vitest';
import { SqliteDialect } from '../src/dialect/sqlite/SqliteDialect.ts';
import { freshSqliteFile } from './support/sqliteFiles.ts';

describe('SQLite group commit', () => {
  it('commits concurrent transactions together, rolling back only the ones that fail', async () => {
    const db = new SqliteDialect(freshSqliteFile());
    await db.run('CREATE TABLE t (n INTEGER PRIMARY KEY, tag TEXT)');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, n) =>
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO t (n, tag) VALUES (?, ?)', [n, 'first']);
          await tx.run('UPDATE t SET tag = ? WHERE n = ?', ['second', n]);
          if (n % 7 === 3) throw new Error(`refused ${n}`);
          return n * 2;
        }),
      ),
    );
    const failed = outcomes.flatMap((o, n) => (o.status === 'rejected' ? [n] : []));
    expect(failed).toEqual([3, 10, 17, 24, 31, 38, 45]);
    expect(outcomes[4]).toEqual({ status: 'fulfilled', value: 8 });
    const rows = await db.query<{ n: number; tag: string }>('SELECT n, tag FROM t ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual(
      Array.from({ length: 50 }, (_, n) => n).filter((n) => !failed.includes(n)),
    );
    expect(new Set(rows.map((r) => r.tag))).toEqual(new Set(['second']));
    await db.close();
  });

  it('lets a transaction see the writes of the ones committed before it in the same group', async () => {
    const db = new SqliteDialect(freshSqliteFile());
    await db.run('CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER)');
    await db.run('INSERT INTO counter VALUES (1, 0)');
    const increments = Array.from({ length: 20 }, () =>
      db.transaction(async (tx) => {
        const [row] = await tx.query<{ value: number }>('SELECT value FROM counter WHERE id = 1');
        await tx.run('UPDATE counter SET value = ? WHERE id = 1', [(row?.value ?? 0) + 1]);
      }),
    );
    await Promise.all(increments);
    expect(await db.query('SELECT value FROM counter')).toEqual([{ value: 20 }]);
    await db.close();
  });
});
