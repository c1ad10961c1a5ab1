import type { FieldIndex } from '../fields/fieldIndex.ts';
import type { FormDefinition } from '../schemas/formDefinition.ts';
import { pointer } from '../validate/issues.ts';
import { valueAtPath } from './rollupValue.ts';

/** One uniqueness constraint of a form (`unique`): the fields no two live records may share. */
export type FormUnique = NonNullable<FormDefinition['unique']>[number];

/** The values of a record a uniqueness constraint compares, in the order of its fields. */
export type UniqueKey = readonly (string | number | boolean)[];

/**
 * A record's values for a uniqueness constraint, as the store compares them (the typed columns of its
 * unique index): numbers, yes/no and non-empty text (dates, choices, people and records are text);
 * undefined when one of them is blank or holds a value of another kind than its field's — left by an
 * older version of the form — so the record is not compared, as SQL leaves NULLs out of unique indexes.
 */
export function uniqueKey(
  constraint: FormUnique,
  fields: FieldIndex,
  data: Readonly<Record<string, unknown>>,
): UniqueKey | undefined {
  const key: (string | number | boolean)[] = [];
  for (const path of constraint.fields) {
    const value = valueAtPath(data, path);
    const kind = fields.fields.get(path)?.kind;
    const fits =
      (kind === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
      (kind === 'boolean' && typeof value === 'boolean') ||
      (kind === 'string' && typeof value === 'string' && value !== '');
    if (!fits) return undefined;
    key.push(value as string | number | boolean);
  }
  return key;
}

/** A key as text: two keys are the same exactly when their texts are (`-0` and `0` alike). */
export const uniqueKeyText = (key: UniqueKey): string => JSON.stringify(key);

/** The record JSON pointer of a data path outside tables: `owner.name` → `/owner/name`. */
export const fieldPointer = (path: string): string => pointer(...path.split('.'));
