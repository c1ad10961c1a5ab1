import type { FieldInfo } from '@formboard/schema';
import { fieldIndexOf } from '../form/formSites.ts';
import type { Form } from '../form/formTree.ts';
import { setOwn } from '../form/setOwn.ts';

/**
 * The `$user` and `$record` a form's formulas read in the designer's live results: made up like the
 * sample record (no one is filling in while a form is designed).
 */
export const SAMPLE_FORM_VARIABLES: Readonly<Record<string, unknown>> = {
  user: { id: 'zhang.san', name: '张三 Zhang San', orgUnit: 'sample-unit' },
  record: {},
};

/** A plausible value for one field, for previews and formula results before anyone typed anything. */
function sampleValue(field: FieldInfo, today: string): unknown {
  const first = field.options?.[0];
  switch (field.kind) {
    case 'number': {
      if (first !== undefined) return first;
      const min = typeof field.schema.minimum === 'number' ? field.schema.minimum : undefined;
      const max = typeof field.schema.maximum === 'number' ? field.schema.maximum : undefined;
      if (min !== undefined && max !== undefined) return Math.round((min + max) * 0.6);
      return min !== undefined ? min + 10 : 60;
    }
    case 'boolean':
      return true;
    case 'multiSelect':
      return first === undefined ? [] : [first];
    case 'string':
      if (first !== undefined) return first;
      switch (field.format) {
        case 'date':
          return today;
        case 'date-time':
          return `${today}T09:00:00+08:00`;
        case 'email':
          return 'zhang.san@example.com';
        case 'uri':
          return 'https://example.com';
        case 'user':
        case 'org-unit':
        case 'record':
          return undefined;
        default:
          return '示例 Sample';
      }
    default:
      return undefined;
  }
}

/** Writes a value at a path of keys and row numbers, making the objects and rows on the way. */
function put(record: Record<string, unknown>, keys: readonly (string | number)[], value: unknown): void {
  let at: object = record;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      setOwn(at, key, value);
      return;
    }
    const existing = Object.hasOwn(at, key) ? (at as Record<string | number, unknown>)[key] : undefined;
    const next = (existing as object | undefined) ?? (typeof keys[i + 1] === 'number' ? [] : {});
    if (existing === undefined) setOwn(at, key, next);
    at = next;
  });
}

/**
 * A sample record of a form: a value for every field that is not computed, and two rows in each table
 * (`today` is `YYYY-MM-DD`). People, departments and linked records are left empty: they name things
 * only the server knows.
 */
export function sampleRecord(form: Form, today: string): Record<string, unknown> {
  const computed = new Set((form.computed ?? []).map((c) => c.target));
  const record: Record<string, unknown> = {};
  for (const field of fieldIndexOf(form).fields.values()) {
    if (computed.has(field.path) || field.kind === 'group' || field.kind === 'table') continue;
    const value = sampleValue(field, today);
    if (value === undefined) continue;
    const [outside, inRow] = field.path.split('[].');
    const keys = (outside ?? '').split('.');
    if (inRow === undefined) put(record, keys, value);
    else for (const row of [0, 1]) put(record, [...keys, row, ...inRow.split('.')], value);
  }
  return record;
}
