import type { Dialect } from '@formboard/storage';

/** Bound parameters per INSERT statement, under PostgreSQL's limit of 65,535. */
const MAX_PARAMS = 60_000;

/**
 * Copies every row of `tables` from one store database to another, verbatim and in order, in one
 * transaction: hashes do not depend on the database, so a copied version history or audit chain stays
 * valid. The target's audit sequence is moved past the copied entries.
 */
export async function copyRows(from: Dialect, to: Dialect, tables: readonly string[]): Promise<void> {
  await to.transaction(async (tx) => {
    for (const table of tables) {
      const rows = await from.query(`SELECT * FROM ${table} ORDER BY 1, 2`);
      const columns = Object.keys(rows[0] ?? {});
      const perStatement = Math.floor(MAX_PARAMS / Math.max(1, columns.length));
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        await tx.run(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
          chunk.flatMap((row) => columns.map((column) => row[column])),
        );
      }
    }
    if (to.name === 'postgres')
      await tx.query("SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), MAX(seq)) FROM audit_log");
  });
}
