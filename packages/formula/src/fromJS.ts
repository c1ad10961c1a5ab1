import { civilMsAt, parseDateText } from './dates.ts';
import { FormulaDate, FormulaError, formulaError, type Value } from './values.ts';

/**
 * Turns a value read from record data or a variable into a formula value.
 * `asDate` reads ISO text as a date (fields typed `date`). Objects are not values: use one of their fields.
 */
export function fromJS(raw: unknown, name: string, timeZone: string, asDate = false): Value {
  switch (typeof raw) {
    case 'number':
      return Number.isFinite(raw) ? raw : formulaError('#NUM!', 'numberOverflow');
    case 'string':
      return asDate ? (parseDateText(raw, timeZone) ?? raw) : raw;
    case 'boolean':
      return raw;
    case 'undefined':
      return null;
    default:
      break;
  }
  if (raw === null || raw instanceof FormulaDate || raw instanceof FormulaError) return raw;
  if (raw instanceof Date) {
    const time = raw.getTime();
    return Number.isNaN(time) ? null : new FormulaDate(civilMsAt(time, timeZone), true);
  }
  if (Array.isArray(raw)) return raw.map((item) => fromJS(item, name, timeZone, asDate));
  return formulaError('#VALUE!', 'objectField', { name });
}

/** Reads own, non-inherited data only: formulas can never reach prototypes or built-ins. */
export function readOwn(container: unknown, key: string): unknown {
  if (container === null || typeof container !== 'object' || Array.isArray(container)) return undefined;
  return Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

/** A formula value as plain JSON: dates as ISO text, errors as `{ error, message }`. */
export function toJSONValue(value: Value): unknown {
  if (value instanceof FormulaDate) return value.toString();
  if (value instanceof FormulaError) return { error: value.code, message: value.message };
  if (Array.isArray(value)) return value.map((v: Value) => toJSONValue(v));
  return value;
}
