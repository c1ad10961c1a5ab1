import Database from 'better-sqlite3';
import type { Dialect, Row } from '../Dialect.ts';

type Sqlite = InstanceType<typeof Database>;
type Statement = Database.Statement<unknown[]>;

// Preparing a statement parses and plans its SQL; the store runs the same few hundred statements
// over and over, so each is prepared once. Bounded, in case SQL were ever built per call.
const MAX_STATEMENTS = 1000;
class StatementCache {
  private readonly statements = new Map<string, Statement>();

  get(db: Sqlite, sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      statement = db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

// better-sqlite3 is synchronous and has one connection; the store's API is asynchronous. A promise
// queue runs one transaction at a time so awaits inside a transaction never interleave with others.
class SqliteConnection implements Dialect {
  readonly name = 'sqlite' as const;
  constructor(
    protected readonly db: Sqlite,
    private readonly statements: StatementCache,
  ) {}

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.statements.get(this.db, sql).all(...params.map(toSqlite)) as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: this.statements.get(this.db, sql).run(...params.map(toSqlite)).changes };
  }

  async transaction<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    return work(this);
  }

  async snapshot<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    return work(this);
  }

  async close(): Promise<void> {}
}

function toSqlite(value: unknown): unknown {
  return typeof value === 'boolean' ? Number(value) : value;
}

type PendingTransaction = {
  readonly work: (tx: Dialect) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
};

// A flush commits at most this many queued transactions together.
const MAX_GROUP = 256;

/**
 * SQLite in one file: WAL journal, foreign keys on, writers serialised, and group commit: every
 * COMMIT waits for an fsync (synchronous = FULL), so transactions that queue up while one commits
 * are committed together — each in its own SAVEPOINT, so one that fails rolls back alone — and all
 * are acknowledged after the one fsync. The result is the same as running them one by one.
 */
export class SqliteDialect extends SqliteConnection {
  private queue: Promise<unknown> = Promise.resolve();
  private pending: PendingTransaction[] = [];
  private readonly tx: SqliteConnection;

  constructor(file: string) {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const statements = new StatementCache();
    super(db, statements);
    this.tx = new SqliteConnection(db, statements);
  }

  override async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.serialized(() => super.query<T>(sql, params));
  }

  override async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return this.serialized(() => super.run(sql, params));
  }

  override transaction<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // Start the flush after this turn's I/O callbacks, so requests that arrived together and are
      // still running their reads join the group instead of each paying for an fsync.
      if (this.pending.length === 1)
        setImmediate(() => this.serialized(() => this.flush()).catch(() => undefined));
    });
  }

  // A deferred transaction reads one WAL snapshot; the queue keeps this process's writers out meanwhile.
  override snapshot<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    return this.serialized(async () => {
      this.db.exec('BEGIN');
      try {
        return await work(this.tx);
      } finally {
        this.db.exec('COMMIT');
      }
    });
  }

  /** Commits the queued transactions as one, each inside its own savepoint. */
  private async flush(): Promise<void> {
    const group = this.pending.splice(0, MAX_GROUP);
    if (this.pending.length > 0)
      setImmediate(() => this.serialized(() => this.flush()).catch(() => undefined));
    const tx = this.tx;
    const done: { item: PendingTransaction; result: unknown }[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    for (const item of group) {
      this.db.exec('SAVEPOINT tx');
      try {
        const result = await item.work(tx);
        this.db.exec('RELEASE tx');
        done.push({ item, result });
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK TO tx; RELEASE tx');
        item.reject(error);
      }
    }
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const { item } of done) item.reject(error);
      return;
    }
    for (const { item, result } of done) item.resolve(result);
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
