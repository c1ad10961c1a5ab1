import type { Dialect } from '../../src/dialect/Dialect.ts';
import { PostgresDialect } from '../../src/dialect/postgres/PostgresDialect.ts';
import { SqliteDialect } from '../../src/dialect/sqlite/SqliteDialect.ts';

/**
 * A plain connection to a store's database, beside the store, for looking behind it (tests) or writing
 * fixtures in bulk (bench/storage): the store's public API has no such door, on purpose.
 */
export function rawDialect(database: string): Dialect {
  return /^postgres(ql)?:\/\//.test(database) ? new PostgresDialect(database) : new SqliteDialect(database);
}
