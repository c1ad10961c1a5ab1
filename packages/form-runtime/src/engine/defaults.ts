import type { FieldIndex } from '@formboard/schema';
import { getIn, parsePath, setIn } from '../paths.ts';

/** True for what a form treats as "not filled in": undefined, null, "" and an empty list. */
export function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Fills absent fields with their schema `default`. Without `rowOf` it fills the record's own fields;
 * with `rowOf` ("kpis[]") it fills one row of that table.
 */
export function applyDefaults<T>(value: T, index: FieldIndex, rowOf?: string): T {
  let result: unknown = value;
  for (const [path, field] of index.fields) {
    if (!('default' in field.schema)) continue;
    const relative = rowOf
      ? path.startsWith(`${rowOf}.`)
        ? path.slice(rowOf.length + 1)
        : undefined
      : field.inTable
        ? undefined
        : path;
    if (relative === undefined) continue;
    const segments = parsePath(relative);
    if (getIn(result, segments) === undefined)
      result = setIn(result, segments, structuredClone(field.schema.default));
  }
  return result as T;
}
