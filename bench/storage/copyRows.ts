import type { Dialect } from '@formboard/storage';
import { insertRows } from '../../packages/storage/src/dialect/insertRows.ts';

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
      await insertRows(
        tx,
        table,
        columns,
        rows.map((row) => columns.map((column) => row[column])),
      );
    }
    if (to.name === 'postgres')
      await tx.query("SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), MAX(seq)) FROM audit_log");
  });
}
