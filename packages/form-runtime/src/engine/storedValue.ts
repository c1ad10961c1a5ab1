import { FormulaDate, FormulaError, type Value } from '@formboard/formula';

/** A formula result as stored in a record: dates as ISO text, errors (and lists, blanks) as absent. */
export function stored(value: Value): unknown {
  if (value instanceof FormulaDate) return value.toString();
  if (value instanceof FormulaError || value === null || Array.isArray(value)) return undefined;
  return value;
}
