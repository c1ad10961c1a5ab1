import type { Dialect } from '@formboard/storage';
import { PostgresDialect } from '../../packages/storage/src/dialect/postgres/PostgresDialect.ts';
import { SqliteDialect } from '../../packages/storage/src/dialect/sqlite/SqliteDialect.ts';

/**
 * A plain connection to a store's database, beside the store, for writing fixtures in bulk (the store's
 * public API has no such door, on purpose).
 */
export function rawDialect(database: string): Dialect {
  return database.startsWith('postgres') ? new PostgresDialect(database) : new SqliteDialect(database);
}
