import type { FieldIndex } from '@formboard/schema';
import type { Dialect } from '../dialect/Dialect.ts';
import { fieldValueSql, join, oneOf, type SqlPart, sql } from '../queries/fieldSql.ts';
import { syncUniqueIndexes } from '../unique/uniqueIndexes.ts';
import { syncBoardIndexes } from './boardIndexes.ts';
import { noteDataChange, noteRebuilt } from './dataVersions.ts';
import { columnType, type FormLayout, type LayoutColumn, layoutColumns, sameColumns } from './FormLayout.ts';

type LayoutRow = { id: number; form_version: number; columns: string };

const toLayout = (formId: string, row: LayoutRow): FormLayout => ({
  formId,
  table: `form_rows_${Number(row.id)}`,
  formVersion: Number(row.form_version),
  columns: JSON.parse(row.columns) as LayoutColumn[],
});

/**
 * The layout of a form's typed record table; undefined before the form is first published. `lock`
 * holds the layout row until the transaction ends (PostgreSQL; SQLite runs one writer at a time):
 * record writers take it shared and publishing takes it exclusively, so no writer fills a table whose
 * columns are being changed under it.
 */
export async function formLayout(
  db: Dialect,
  formId: string,
  lock?: 'share' | 'update',
): Promise<FormLayout | undefined> {
  const forLock = lock && db.name === 'postgres' ? ` FOR ${lock === 'share' ? 'SHARE' : 'UPDATE'}` : '';
  const [row] = await db.query<LayoutRow>(
    `SELECT id, form_version, columns FROM form_layouts WHERE form_id = ?${forLock}`,
    [formId],
  );
  return row ? toLayout(formId, row) : undefined;
}

/**
 * `INSERT … SELECT` of the typed rows of the live records that `which` picks (all of the form's, or
 * some by id), read from their stored JSON with the expression queries use on JSON: one code path for
 * every writer.
 */
function fillRows(dialect: Dialect['name'], layout: FormLayout, which: SqlPart): SqlPart {
  const values = layout.columns.map((c) =>
    fieldValueSql(dialect, { document: 'records.data', segments: c.path.split('.') }, c.kind),
  );
  const names = ['record_id', 'owner_id', 'org_unit_id', ...layout.columns.map((c) => c.column)];
  return join(
    [
      sql(
        `INSERT INTO ${layout.table} (${names.join(', ')}) SELECT records.id, records.owner_id, records.org_unit_id`,
      ),
      ...values.map((v) => join([sql(','), v], ' ')),
      sql('FROM records WHERE'),
      which,
      sql('AND records.deleted_at IS NULL'),
    ],
    ' ',
  );
}

/** Writes the typed rows of records just inserted, in the caller's transaction. */
export async function addTypedRows(
  tx: Dialect,
  layout: FormLayout,
  recordIds: readonly string[],
): Promise<void> {
  // By id only: the records were just written for this form, and SQLite's planner, offered the form
  // too, may walk the form's index through every record instead of looking the ids up.
  const statement = fillRows(tx.name, layout, oneOf(tx.name, 'records.id', recordIds));
  await tx.run(statement.sql, statement.params);
  await noteDataChange(tx, layout.formId, recordIds);
}

/** Removes the typed rows of records (deleted, or about to be rewritten), in the caller's transaction. */
export async function removeTypedRows(
  tx: Dialect,
  layout: FormLayout,
  recordIds: readonly string[],
): Promise<void> {
  const which = oneOf(tx.name, 'record_id', recordIds);
  await tx.run(`DELETE FROM ${layout.table} WHERE ${which.sql}`, which.params);
  await noteDataChange(tx, layout.formId, undefined);
}

/** Creates (or re-creates) the form's typed record table and fills it from every live record. */
async function buildTable(tx: Dialect, layout: FormLayout): Promise<void> {
  const columns = layout.columns.map((c) => `, ${c.column} ${columnType(tx.name, c.kind)}`).join('');
  await tx.run(`DROP TABLE IF EXISTS ${layout.table}`);
  await tx.run(
    `CREATE TABLE ${layout.table} (record_id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, org_unit_id TEXT${columns})`,
  );
  const fill = fillRows(tx.name, layout, sql('records.form_id = ?', layout.formId));
  await tx.run(fill.sql, fill.params);
  await noteRebuilt(tx, layout.formId);
  // PostgreSQL plans by statistics, and a table filled in one go has none until autovacuum comes by.
  if (tx.name === 'postgres') await tx.run(`ANALYZE ${layout.table}`);
  await syncBoardIndexes(tx, layout);
  await syncUniqueIndexes(tx, layout);
}

/**
 * Brings a form's typed record table in line with a newly published version, in the publishing
 * transaction: when the version adds, removes or retypes fields the table is rebuilt from the records
 * (their JSON stays the source of truth); otherwise only the version is noted. `rebuild` refills it
 * regardless (the store migration, and after records were written around the store).
 */
export async function applyFormLayout(
  tx: Dialect,
  formId: string,
  formVersion: number,
  index: FieldIndex,
  rebuild = false,
): Promise<FormLayout> {
  const created = await tx.run(
    'INSERT INTO form_layouts (form_id, form_version, columns) VALUES (?, ?, ?) ON CONFLICT (form_id) DO NOTHING',
    [formId, formVersion, '[]'],
  );
  const current = await formLayout(tx, formId, 'update');
  if (!current) throw new Error(`the layout row of ${formId} was just written`);
  const columns = layoutColumns(index);
  const layout: FormLayout = { ...current, formVersion, columns };
  await tx.run('UPDATE form_layouts SET form_version = ?, columns = ? WHERE form_id = ?', [
    formVersion,
    JSON.stringify(columns),
    formId,
  ]);
  if (created.changes === 1 || rebuild || !sameColumns(current.columns, columns))
    await buildTable(tx, layout);
  else await syncUniqueIndexes(tx, layout);
  return layout;
}
