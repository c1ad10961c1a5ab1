import { type FieldIndex, type UniqueKey, uniqueKey, uniqueKeyText } from '@formboard/schema';
import type { Dialect } from '../dialect/Dialect.ts';
import type { FormLayout, LayoutColumn } from '../layout/FormLayout.ts';
import type { CompiledForms } from '../records/CompiledForms.ts';
import { formLockKey } from '../rollups/rollupLocks.ts';
import { type UniqueConflict, UniqueConstraintError } from './UniqueConstraintError.ts';
import { describedConstraint, keySql, type UniqueColumns, uniqueColumns } from './uniqueColumns.ts';

/** A record about to be written: its id (left out of the lookup: its old row is being replaced) and values. */
export interface UniqueRow {
  readonly id: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Its 1-based row in a bulk write, named in the conflict. */
  readonly row?: number;
}

/** A form's uniqueness constraints as its typed table holds them, with the fields keys are read by. */
export interface FormUniques {
  readonly layout: FormLayout;
  readonly fields: FieldIndex;
  readonly uniques: readonly UniqueColumns[];
}

/** The constraints of a form's published version (the one its typed table follows); none before it has one. */
export async function formUniques(
  tx: Dialect,
  forms: CompiledForms,
  layout: FormLayout | undefined,
): Promise<FormUniques | undefined> {
  if (!layout) return undefined;
  const definition = await forms.definition(tx, layout.formId, layout.formVersion);
  if (!definition.unique?.length) return undefined;
  const uniques = uniqueColumns(layout, definition);
  if (uniques.length === 0) return undefined;
  return { layout, fields: await forms.fields(tx, layout.formId, layout.formVersion), uniques };
}

const PG_ARRAYS: Readonly<Record<LayoutColumn['kind'], string>> = {
  number: 'double precision[]',
  boolean: 'boolean[]',
  string: 'text[]',
  multiSelect: 'text[]',
};

/**
 * For each key, the first live record (by id) of the typed table holding it, other than `exclude`:
 * one statement for all keys, through the unique index (its very expressions).
 */
async function holders(
  tx: Dialect,
  layout: FormLayout,
  unique: UniqueColumns,
  keys: readonly UniqueKey[],
  exclude: readonly string[],
): Promise<Map<number, string>> {
  const columns = unique.columns;
  let sql: string;
  let params: unknown[];
  if (tx.name === 'postgres') {
    const matches = columns.map((c, j) =>
      c.kind === 'string'
        ? `${keySql(tx.name, c, 't.')} = md5(k.v${j}) AND t.${c.column} = k.v${j}`
        : `t.${c.column} = k.v${j}`,
    );
    sql = `SELECT k.i, t.record_id FROM unnest(?::int[], ${columns.map((c) => `?::${PG_ARRAYS[c.kind]}`).join(', ')})
      AS k(i, ${columns.map((_, j) => `v${j}`).join(', ')})
      JOIN ${layout.table} AS t ON ${matches.join(' AND ')}
      WHERE NOT (t.record_id = ANY(?::text[])) ORDER BY k.i, t.record_id`;
    params = [keys.map((_, i) => i), ...columns.map((_, j) => keys.map((key) => key[j])), exclude];
  } else {
    const matches = columns.map((c, j) => `${keySql(tx.name, c, 't.')} = json_extract(k.value, '$[${j}]')`);
    sql = `SELECT k.key AS i, t.record_id FROM json_each(?) AS k
      JOIN ${layout.table} AS t ON ${matches.join(' AND ')}
      WHERE t.record_id NOT IN (SELECT value FROM json_each(?)) ORDER BY k.key, t.record_id`;
    params = [JSON.stringify(keys), JSON.stringify(exclude)];
  }
  const found = new Map<number, string>();
  for (const row of await tx.query<{ i: number; record_id: string }>(sql, params))
    if (!found.has(Number(row.i))) found.set(Number(row.i), row.record_id);
  return found;
}

/**
 * Which of `rows` would break one of the form's uniqueness constraints: each with the live record
 * already holding its values, or the earlier row of the same write holding them. Reads only; the rows'
 * own ids are left out of the lookup (an update replaces the record's row).
 */
export async function findUniqueConflicts(
  tx: Dialect,
  form: FormUniques,
  rows: readonly UniqueRow[],
): Promise<UniqueConflict[]> {
  const conflicts: UniqueConflict[] = [];
  const exclude = rows.map((r) => r.id).filter((id) => id !== '');
  for (const unique of form.uniques) {
    const described = describedConstraint(unique.constraint);
    const conflict = (row: UniqueRow, values: UniqueKey, other: { records: string[]; rows?: number[] }) =>
      conflicts.push({
        formId: form.layout.formId,
        constraint: unique.constraint.id,
        ...described,
        values,
        ...(row.row === undefined ? {} : { row: row.row }),
        ...other,
      });
    const firstRow = new Map<string, UniqueRow>();
    const looked: { row: UniqueRow; key: UniqueKey }[] = [];
    for (const row of rows) {
      const key = uniqueKey(unique.constraint, form.fields, row.data);
      if (!key) continue;
      const text = uniqueKeyText(key);
      const earlier = firstRow.get(text);
      if (earlier)
        conflict(
          row,
          key,
          earlier.row === undefined ? { records: [earlier.id] } : { records: [], rows: [earlier.row] },
        );
      else {
        firstRow.set(text, row);
        looked.push({ row, key });
      }
    }
    if (looked.length === 0) continue;
    const held = await holders(
      tx,
      form.layout,
      unique,
      looked.map((l) => l.key),
      exclude,
    );
    for (const [i, recordId] of held) {
      const { row, key } = looked[i] as { row: UniqueRow; key: UniqueKey };
      conflict(row, key, { records: [recordId] });
    }
  }
  return conflicts.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

// The first key of the two-key advisory locks a write of a form with uniqueness constraints takes (a
// space apart from the roll-ups' and the audit log's); the second is a hash of the form's id.
const UNIQUE_LOCKS = 0x556e6971;

/**
 * Refuses a write whose records would break a uniqueness constraint of their form, with every
 * conflict named (`UniqueConstraintError`), in the write's transaction before it writes. What holds
 * the rule is the unique index: this check only explains a refusal. On PostgreSQL the writer first
 * takes a transaction-scoped advisory lock on the form, so that a concurrent writer of the same
 * values waits for this one to commit and is then told which record holds them, rather than failing
 * on the index with no record named; SQLite runs one writer at a time.
 */
export async function checkUniqueKeys(
  tx: Dialect,
  forms: CompiledForms,
  layout: FormLayout | undefined,
  rows: readonly UniqueRow[],
): Promise<void> {
  const form = await formUniques(tx, forms, layout);
  if (!form || rows.length === 0) return;
  if (tx.name === 'postgres') {
    await tx.query('SELECT pg_advisory_xact_lock(?::int, ?::int)', [
      UNIQUE_LOCKS,
      formLockKey(form.layout.formId),
    ]);
  }
  const conflicts = await findUniqueConflicts(tx, form, rows);
  if (conflicts.length > 0) throw new UniqueConstraintError(conflicts);
}
