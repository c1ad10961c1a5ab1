import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFormEngine } from '@formboard/form-runtime';
import { type FormDefinition, validateDefinition } from '@formboard/schema';
import { type CsvRow, writeCsv } from './csv.ts';

/** The pack's folder. */
export const PACK_DIR = join(import.meta.dirname, '..', '..');

/** The clock the sample data is generated at: Friday 2026-11-27, 10:00 in Shanghai ($today in formulas). */
export const GENERATED_AT = Date.parse('2026-11-27T02:00:00Z');

/** The time zone the pack's dates are read in. */
export const TIME_ZONE = 'Asia/Shanghai';

/** A generated record: its row key and the values a person would enter (computed fields are filled later). */
export interface Draft {
  readonly key: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** A record as the form submits it: entered values plus computed ones, hidden fields left out. */
export interface Filled {
  readonly key: string;
  readonly record: Readonly<Record<string, unknown>>;
}

/** A pack form by id, validated (a broken definition stops the generator). */
export function loadPackForm(id: string): FormDefinition {
  const result = validateDefinition(JSON.parse(readFileSync(join(PACK_DIR, 'forms', `${id}.json`), 'utf8')));
  if (!result.ok || result.value.kind !== 'form')
    throw new Error(`forms/${id}.json is not a valid form: ${JSON.stringify(result)}`);
  return result.value;
}

/**
 * Runs drafts through the form engine at the generation clock and returns what the form would
 * submit; a draft the form refuses stops the generator with the row key and the problems.
 */
export function fillRecords(form: FormDefinition, drafts: readonly Draft[]): Filled[] {
  return drafts.map(({ key, values }) => {
    const engine = openFormEngine(form, {
      value: values,
      context: { now: GENERATED_AT, timeZone: TIME_ZONE },
    });
    const submitted = engine.submit();
    if (!submitted.ok)
      throw new Error(
        `${form.id} ${key}: ${submitted.issues.map((issue) => `${issue.path} ${issue.message.en}`).join('; ')}`,
      );
    return { key, record: submitted.value };
  });
}

/** The columns of a form's sample file: `key`, then each top-level field in definition order. */
function columnsOf(form: FormDefinition): string[] {
  return ['key', ...Object.keys(form.data.properties)];
}

/** One cell: numbers and booleans as text, repeating tables as JSON, blanks empty. */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The CSV text of a form's filled records. */
export function formCsv(form: FormDefinition, rows: readonly Filled[]): string {
  const [, ...fields] = columnsOf(form);
  const cells = rows.map((row): CsvRow => [row.key, ...fields.map((field) => cellText(row.record[field]))]);
  return writeCsv(columnsOf(form), cells);
}

/** What the form computes for `path` from `values`, without checking them (to decide the next value to enter). */
export function computedValue(
  form: FormDefinition,
  values: Readonly<Record<string, unknown>>,
  path: string,
): unknown {
  return openFormEngine(form, {
    value: values,
    context: { now: GENERATED_AT, timeZone: TIME_ZONE },
  }).getValue(path);
}
