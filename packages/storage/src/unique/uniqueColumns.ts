import type { LocalizedMessage } from '@formboard/formula';
import { type FormDefinition, type FormUnique, fieldPointer, localize } from '@formboard/schema';
import { sha256 } from '../canonicalJson.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import type { FormLayout, LayoutColumn } from '../layout/FormLayout.ts';

/** A uniqueness constraint of a form's published version, on the columns of its typed record table. */
export interface UniqueColumns {
  readonly constraint: FormUnique;
  /** The typed columns of its fields, in the constraint's order. */
  readonly columns: readonly LayoutColumn[];
  /** Its unique index: the table's name, `_u`, and a hash of the constraint's id and columns. */
  readonly index: string;
}

/**
 * The uniqueness constraints of `definition` (the version `layout` follows) on the typed table's
 * columns. A constraint naming a field without a column of one value (refused by validation, so
 * possible only in a store written around it) is left out.
 */
export function uniqueColumns(layout: FormLayout, definition: FormDefinition): UniqueColumns[] {
  const byPath = new Map(layout.columns.map((c) => [c.path, c]));
  const resolved: UniqueColumns[] = [];
  for (const constraint of definition.unique ?? []) {
    const columns = constraint.fields.map((path) => byPath.get(path));
    if (columns.some((c) => c === undefined || c.kind === 'multiSelect')) continue;
    const found = columns as LayoutColumn[];
    const hash = sha256(`${constraint.id}\n${found.map((c) => c.column).join(',')}`).slice(0, 12);
    resolved.push({ constraint, columns: found, index: `${layout.table}_u${hash}` });
  }
  return resolved;
}

/** The names the unique indexes of a typed table start with (apart from its board indexes, `_b…`). */
export const uniqueIndexPrefix = (layout: FormLayout): string => `${layout.table}_u`;

/**
 * How a column takes part in a unique index, and so in every lookup of it (SQLite uses an expression
 * index only for the very expression): numbers and yes/no as they are; text with '' as blank
 * (`NULLIF`), and on PostgreSQL by its MD5, since a B-tree entry may not exceed 2.7 kB and text is
 * unbounded — lookups compare the text itself as well, so only a deliberately made MD5 collision
 * could be refused as a duplicate without being one.
 */
export function keySql(dialect: Dialect['name'], column: LayoutColumn, prefix = ''): string {
  const value = `${prefix}${column.column}`;
  if (column.kind !== 'string') return value;
  return dialect === 'postgres' ? `md5(NULLIF(${value}, ''))` : `NULLIF(${value}, '')`;
}

/** A column's value with '' read as blank: what two records must share to collide, compared exactly. */
export function valueSql(column: LayoutColumn, prefix = ''): string {
  const value = `${prefix}${column.column}`;
  return column.kind === 'string' ? `NULLIF(${value}, '')` : value;
}

/** The fields of a constraint as record pointers, and its message in both languages. */
export function describedConstraint(constraint: FormUnique): {
  fields: string[];
  message?: LocalizedMessage;
} {
  const fields = constraint.fields.map(fieldPointer);
  if (constraint.message === undefined) return { fields };
  return {
    fields,
    message: { 'zh-CN': localize(constraint.message, 'zh-CN'), en: localize(constraint.message, 'en') },
  };
}

/** A key value as read back from a typed column: SQLite keeps yes/no as 1 and 0. */
export const readValue = (column: LayoutColumn, value: unknown): string | number | boolean =>
  column.kind === 'boolean' ? value === true || value === 1 : (value as string | number);
