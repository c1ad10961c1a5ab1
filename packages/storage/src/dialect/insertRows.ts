import type { Dialect } from './Dialect.ts';

/** Bound parameters per statement: under PostgreSQL's limit (65,535). */
const MAX_PARAMS = 30_000;

/**
 * Inserts rows. On PostgreSQL with multi-row `INSERT … VALUES (…), (…)` statements, as few as the
 * parameter limit allows: a round trip per few thousand rows instead of one per row. SQLite runs in
 * the process, so a row costs no round trip there: one single-row statement serves every batch size
 * and is prepared once. `table` and `columns` are the store's own names, never user input.
 */
export async function insertRows(
  tx: Dialect,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  if (tx.name === 'sqlite') {
    for (const row of rows) await tx.run(insert + tuple, row);
    return;
  }
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    await tx.run(insert + chunk.map(() => tuple).join(', '), chunk.flat());
  }
}
