import type { FieldIndex } from '@formboard/schema';
import type { Dialect } from '../dialect/Dialect.ts';
import { isValueKind, type ValueKind } from '../queries/fieldSql.ts';

/** One typed column of a form's record table: the field it holds and the field's kind. */
export interface LayoutColumn {
  /** Formula-syntax path of a field outside repeating tables: `score`, `reviewer.name`. */
  readonly path: string;
  readonly kind: ValueKind;
  /** The column's name in the record table: `c0`, `c1`, … in document order. */
  readonly column: string;
}

/** How a form's live records are laid out in its typed record table. */
export interface FormLayout {
  readonly formId: string;
  /** `form_rows_<n>`: the store's own name, never built from user input. */
  readonly table: string;
  /** The published definition version whose fields the columns follow. */
  readonly formVersion: number;
  readonly columns: readonly LayoutColumn[];
}

/** The typed columns for a form's fields: every field outside repeating tables that holds a value. */
export function layoutColumns(index: FieldIndex): LayoutColumn[] {
  return [...index.fields.values()]
    .filter((field) => !field.inTable && isValueKind(field.kind))
    .map((field, i) => ({ path: field.path, kind: field.kind as ValueKind, column: `c${i}` }));
}

/** Whether two column lists store the same fields with the same kinds (then no rebuild is needed). */
export function sameColumns(a: readonly LayoutColumn[], b: readonly LayoutColumn[]): boolean {
  return (
    a.length === b.length && a.every((column, i) => column.path === b[i]?.path && column.kind === b[i]?.kind)
  );
}

const COLUMN_TYPES: Readonly<Record<Dialect['name'], Readonly<Record<ValueKind, string>>>> = {
  sqlite: { number: 'REAL', boolean: 'INTEGER', string: 'TEXT', multiSelect: 'TEXT' },
  postgres: { number: 'DOUBLE PRECISION', boolean: 'BOOLEAN', string: 'TEXT', multiSelect: 'TEXT' },
};

/** The SQL type of a column of this kind. */
export function columnType(dialect: Dialect['name'], kind: ValueKind): string {
  return COLUMN_TYPES[dialect][kind];
}
