/** A row as the database driver returns it. */
export type Row = Record<string, unknown>;

/**
 * What the store needs from a database, one implementation per backend (Kysely's idea of a small
 * dialect interface). SQL uses `?` placeholders; the PostgreSQL dialect numbers them.
 */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Runs a query and returns its rows. Values always go in `params`, never into the SQL text. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; `changes` is the number of rows it touched. */
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Dialect) => Promise<T>): Promise<T>;
  /**
   * Runs `work`'s reads on one consistent snapshot (a read-only transaction): no write commits
   * between two of its statements as far as they can see. Inside a transaction, that transaction.
   */
  snapshot<T>(work: (tx: Dialect) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
