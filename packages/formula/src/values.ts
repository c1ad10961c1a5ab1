import { type LocalizedMessage, type MessageKey, message } from './messages.ts';

/** Excel-style error codes a formula can produce as a value. */
export type ErrorCode =
  | '#DIV/0!'
  | '#VALUE!'
  | '#NAME?'
  | '#N/A'
  | '#NUM!'
  | '#REF!'
  | '#LIMIT!'
  | '#INTERNAL!';

/** An error produced by a formula. It is a value (like Excel's #DIV/0!), never a thrown exception. */
export class FormulaError {
  readonly code: ErrorCode;
  readonly message: LocalizedMessage;
  constructor(code: ErrorCode, msg: LocalizedMessage) {
    this.code = code;
    this.message = msg;
  }
  toString(): string {
    return this.code;
  }
}

/** Builds a FormulaError from a catalog message. */
export function formulaError(
  code: ErrorCode,
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
): FormulaError {
  return new FormulaError(code, message(key, params));
}

/**
 * A calendar date or date-time in the evaluation's time zone ("civil" time).
 * `ms` counts milliseconds since 1970-01-01T00:00 of that civil calendar, so the UTC getters of
 * `new Date(ms)` read the local year, month, day and time. `hasTime` is false for plain dates.
 */
export class FormulaDate {
  readonly ms: number;
  readonly hasTime: boolean;
  constructor(ms: number, hasTime: boolean) {
    this.ms = ms;
    this.hasTime = hasTime;
  }
  /** ISO text: "2026-11-27" for dates, "2026-11-27T08:30:00" (civil, no offset) for date-times. */
  toString(): string {
    const iso = new Date(this.ms).toISOString();
    return this.hasTime ? iso.slice(0, 19) : iso.slice(0, 10);
  }
}

/** A scalar formula value. `null` is blank. */
export type Scalar = number | string | boolean | null | FormulaDate | FormulaError;

/** Any formula value: a scalar or an array (a repeating-table column, an array literal). */
export type Value = Scalar | readonly Value[];

export const MS_PER_DAY = 86_400_000;

/** Longest text a formula may build (REPT, &, CONCAT…); longer results are #VALUE!. */
export const MAX_TEXT_LENGTH = 1_000_000;

/** The text itself, or #VALUE! when it is longer than MAX_TEXT_LENGTH. */
export function boundedText(text: string): string | FormulaError {
  return text.length > MAX_TEXT_LENGTH
    ? formulaError('#VALUE!', 'textTooLong', { max: MAX_TEXT_LENGTH })
    : text;
}

/** True when the value is a FormulaError. */
export function isError(value: unknown): value is FormulaError {
  return value instanceof FormulaError;
}

/** True when the value is an array value. */
export function isArray(value: Value): value is readonly Value[] {
  return Array.isArray(value);
}

/** Short text of a value for messages. */
export function describeValue(value: Value): string {
  if (value === null) return '(blank)';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return `[${value.length} items]`;
  return String(value);
}
