import { parseDateText } from './dates.ts';
import { describeValue, FormulaDate, FormulaError, formulaError, type Scalar, type Value } from './values.ts';

const NUMERIC_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Excel coercion to a number: TRUE→1, blank→0, numeric text→its number; dates, other text and arrays fail. */
export function toNumber(value: Value): number | FormulaError {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return 0;
  if (value instanceof FormulaError) return value;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) return Number(value);
  return formulaError('#VALUE!', 'notNumber', { value: describeValue(value) });
}

/** Excel's text form of a value: numbers to 15 significant digits, TRUE/FALSE, blank as "". */
export function toText(value: Value): string | FormulaError {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatGeneral(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value === null) return '';
  if (value instanceof FormulaError) return value;
  if (value instanceof FormulaDate) return value.toString();
  return formulaError('#VALUE!', 'notText', { value: describeValue(value) });
}

/** Excel coercion to a logical value: numbers are TRUE unless 0, "TRUE"/"FALSE" text, blank is FALSE. */
export function toBoolean(value: Value): boolean | FormulaError {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value === null) return false;
  if (value instanceof FormulaError) return value;
  if (typeof value === 'string') {
    const upper = value.trim().toUpperCase();
    if (upper === 'TRUE') return true;
    if (upper === 'FALSE') return false;
  }
  return formulaError('#VALUE!', 'notNumber', { value: describeValue(value) });
}

/** A date from a date value or ISO date text ("2026-11-27", "2026-11-27T08:00:00+08:00"). */
export function toDate(value: Value, timeZone: string): FormulaDate | FormulaError {
  if (value instanceof FormulaDate) return value;
  if (value instanceof FormulaError) return value;
  if (typeof value === 'string') {
    const date = parseDateText(value, timeZone);
    if (date) return date;
  }
  return formulaError('#VALUE!', 'notDate', { value: describeValue(value) });
}

/** Excel's "General" number format: integers as they are, others to 15 significant digits. */
export function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(Number.parseFloat(n.toPrecision(15)));
}

/** Flattens nested arrays into one list of scalars. */
export function flatten(values: readonly Value[]): Scalar[] {
  const out: Scalar[] = [];
  const walk = (v: Value): void => {
    if (Array.isArray(v)) for (const item of v as readonly Value[]) walk(item);
    else out.push(v as Scalar);
  };
  for (const v of values) walk(v);
  return out;
}

/** Keeps a computed number inside what a record can store: NaN and ±Infinity become #NUM!. */
export function finite(n: number): number | FormulaError {
  return Number.isFinite(n) ? n : formulaError('#NUM!', 'numberOverflow');
}
