import type { Dialect } from '../dialect/Dialect.ts';
import { formLayout } from '../layout/formLayouts.ts';
import { oneOf } from '../queries/fieldSql.ts';
import { json, type RecordRow, toRecord } from '../records/recordRows.ts';
import type { StoredRecord } from '../records/types.ts';

/** One record pointing at a parent record: the parent's id and the record's values. */
export interface ChildRow {
  readonly parentId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * The live records of `formId` whose record-reference field `via` holds one of `parentIds`, found
 * through the form's typed record table (its `via` column; SQLite indexes it, see `rollupIndexSpecs`).
 * None when the form has no typed table yet or its published version has no such field.
 */
export async function childRows(
  tx: Dialect,
  formId: string,
  via: string,
  parentIds: readonly string[],
): Promise<ChildRow[]> {
  const layout = await formLayout(tx, formId);
  const column = layout?.columns.find((c) => c.path === via && c.kind === 'string')?.column;
  if (!layout || column === undefined) return [];
  const which = oneOf(tx.name, `t.${column}`, parentIds);
  const rows = await tx.query<{ parent_id: string; data: string | Record<string, unknown> }>(
    `SELECT t.${column} AS parent_id, r.data FROM ${layout.table} AS t JOIN records AS r ON r.id = t.record_id WHERE ${which.sql}`,
    which.params,
  );
  return rows.map((row) => ({ parentId: row.parent_id, data: json(row.data) }));
}

/** The live records of a form among `ids`, by id (ids of other forms or deleted records are left out). */
export async function liveRecords(
  tx: Dialect,
  formId: string,
  ids: readonly string[],
): Promise<Map<string, StoredRecord>> {
  // By id only: offered the form too, SQLite's planner may walk the form's index (see CONTEXT.md).
  const which = oneOf(tx.name, 'id', ids);
  const rows = await tx.query<RecordRow>(`SELECT * FROM records WHERE ${which.sql}`, which.params);
  const found = new Map<string, StoredRecord>();
  for (const row of rows)
    if (row.form_id === formId && row.deleted_at === null) found.set(row.id, toRecord(row));
  return found;
}

/** The ids of a form's live records. */
export async function liveIds(tx: Dialect, formId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    'SELECT id FROM records WHERE form_id = ? AND deleted_at IS NULL ORDER BY id',
    [formId],
  );
  return rows.map((row) => row.id);
}

/** A copy of `data` with the value at a path outside tables set (undefined: removed). */
export function withValueAt(
  data: Readonly<Record<string, unknown>>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy = { ...data };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = copy[head];
  const group =
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? (inner as Readonly<Record<string, unknown>>)
      : {};
  copy[head] = withValueAt(group, rest.join('.'), value);
  return copy;
}
