/**
 * The values a form is mounted with: valid ones, and ones where 10% of the fields are invalid (a
 * required text left empty, a number above its maximum, a quantity out of range), the same for every
 * library. Dates are "YYYY-MM-DD" strings, checkboxes booleans; an empty field is an absent key.
 */
import { allFields, type LogicalField, type LogicalForm, NUMBER_MAX, OPTIONS, QTY_MAX } from './model.ts';

export type Scalar = string | number | boolean;
export type TableRow = Readonly<Record<string, Scalar>>;
export type FormData = Readonly<Record<string, Scalar | readonly TableRow[]>>;

export interface FormDataSets {
  readonly valid: FormData;
  readonly invalid: FormData;
  /** How many fields `invalid` gets wrong: N / 10 section fields + 15 of the 150 table cells. */
  readonly invalidCount: number;
}

function dateOf(i: number): string {
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  return `2024-${month}-${day}`;
}

function validValue(field: LogicalField, i: number): Scalar {
  switch (field.type) {
    case 'text':
      return `Text ${i + 1}`;
    case 'number':
      return (i * 7) % (NUMBER_MAX + 1);
    case 'select':
      return OPTIONS[i % OPTIONS.length]?.value ?? 'alpha';
    case 'date':
      return dateOf(i);
    case 'checkbox':
      return i % 2 === 0;
  }
}

function validRow(r: number): TableRow {
  return { name: `Item ${r + 1}`, qty: r * 10, due: dateOf(r) };
}

/** Row r of the invalid table: every tenth row misses its name, two in ten have a quantity out of range. */
function invalidRow(r: number): TableRow {
  const row = validRow(r);
  if (r % 10 === 0) return { qty: row.qty ?? 0, due: row.due ?? '' };
  if (r % 10 === 5) return { ...row, qty: -1 };
  if (r % 10 === 3) return { ...row, qty: QTY_MAX * 5 };
  return row;
}

export function makeData(form: LogicalForm): FormDataSets {
  const valid: Record<string, Scalar | readonly TableRow[]> = {};
  const invalid: Record<string, Scalar | readonly TableRow[]> = {};
  let invalidCount = 0;
  allFields(form).forEach((field, i) => {
    const value = validValue(field, i);
    valid[field.key] = value;
    if (i % 20 === 0) {
      if (!field.required || field.type !== 'text') throw new Error(`${field.key} should be a required text`);
      invalidCount++; // left empty
    } else if (i % 20 === 1) {
      if (field.type !== 'number') throw new Error(`${field.key} should be a number`);
      invalid[field.key] = NUMBER_MAX + 50;
      invalidCount++;
    } else {
      invalid[field.key] = value;
    }
  });
  const rows = Array.from({ length: form.table.rows }, (_, r) => r);
  valid[form.table.key] = rows.map(validRow);
  invalid[form.table.key] = rows.map(invalidRow);
  invalidCount += rows.filter((r) => r % 10 === 0 || r % 10 === 5 || r % 10 === 3).length;
  return { valid, invalid, invalidCount };
}
