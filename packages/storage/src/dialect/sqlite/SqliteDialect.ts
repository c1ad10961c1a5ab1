import Database from 'better-sqlite3';
import type { Dialect, Row } from '../Dialect.ts';

type Sqlite = InstanceType<typeof Database>;

// better-sqlite3 is synchronous and has one connection; the store's API is asynchronous. A promise
// queue runs one transaction at a time so awaits inside a transaction never interleave with others.
class SqliteConnection implements Dialect {
  readonly name = 'sqlite' as const;
  constructor(protected readonly db: Sqlite) {}

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.db.prepare(sql).all(...params.map(toSqlite)) as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: this.db.prepare(sql).run(...params.map(toSqlite)).changes };
  }

  async transaction<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    return work(this);
  }

  async close(): Promise<void> {}
}

function toSqlite(value: unknown): unknown {
  return typeof value === 'boolean' ? Number(value) : value;
}

/** SQLite in one file: WAL journal, foreign keys on, writers serialised. */
export class SqliteDialect extends SqliteConnection {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    super(db);
  }

  override async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.serialized(() => super.query<T>(sql, params));
  }

  override async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return this.serialized(() => super.run(sql, params));
  }

  override async transaction<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    return this.serialized(async () => {
      const tx = new SqliteConnection(this.db);
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(tx);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  override async close(): Promise<void> {
    await this.serialized(async () => this.db.close());
  }

  /** `PRAGMA integrity_check`: "ok" when the file is sound. */
  async integrityCheck(): Promise<string> {
    const rows = await this.query<{ integrity_check: string }>('PRAGMA integrity_check');
    return rows.map((r) => r.integrity_check).join('; ');
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
