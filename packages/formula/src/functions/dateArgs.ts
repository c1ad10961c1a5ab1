import type { EvalContext } from '../context.ts';
import { describeValue, type FormulaDate, FormulaError, type Value } from '../values.ts';
import { dateArg, integerArg, listArg } from './args.ts';
import { dayOf } from './calendar.ts';
import { functionError } from './functionMessages.ts';

// Argument readers of the date functions. Dates are FormulaDate values (never Excel serial numbers).
// A blank date argument (an empty field, or "") gives a blank result: Excel would read it as day 0
// (1900-01-00), which is never what a form means.

const isBlank = (v: Value | undefined): boolean => v === null || v === undefined || v === '';

type Body = (args: readonly Value[], ctx: EvalContext) => Value;

// The first `count` arguments as dates; null when one is blank; the first error when one fails.
function readDates(
  args: readonly Value[],
  count: number,
  ctx: EvalContext,
): FormulaDate[] | FormulaError | null {
  const dates: FormulaDate[] = [];
  for (let i = 0; i < count; i++) {
    const v = args[i];
    if (v instanceof FormulaError) return v;
    if (isBlank(v)) return null;
    const d = dateArg(v, ctx);
    if (d instanceof FormulaError) return d;
    dates.push(d);
  }
  return dates;
}

/** A function body whose first argument is a date. */
export function withDate(fn: (date: FormulaDate, args: readonly Value[], ctx: EvalContext) => Value): Body {
  return (args, ctx) => {
    const dates = readDates(args, 1, ctx);
    return dates instanceof FormulaError || dates === null ? dates : fn(dates[0] as FormulaDate, args, ctx);
  };
}

/** A function body whose first two arguments are dates. */
export function withTwoDates(
  fn: (a: FormulaDate, b: FormulaDate, args: readonly Value[], ctx: EvalContext) => Value,
): Body {
  return (args, ctx) => {
    const dates = readDates(args, 2, ctx);
    if (dates instanceof FormulaError || dates === null) return dates;
    return fn(dates[0] as FormulaDate, dates[1] as FormulaDate, args, ctx);
  };
}

/** An optional integer option (return_type, basis): `fallback` when omitted, #NUM! when not `allowed`. */
export function option(
  name: string,
  v: Value | undefined,
  fallback: number,
  allowed: readonly number[],
): number | FormulaError {
  const n = v === undefined ? fallback : integerArg(v);
  if (n instanceof FormulaError || allowed.includes(n)) return n;
  return functionError('#NUM!', 'badOption', {
    name,
    value: describeValue(v ?? null),
    options: allowed.join(', '),
  });
}

/** Day numbers of a holidays argument: dates or date text, blanks skipped, duplicates merged. */
export function holidayDays(v: Value | undefined, ctx: EvalContext): Set<number> | FormulaError {
  const days = new Set<number>();
  if (v === undefined) return days;
  for (const item of listArg(v, ctx)) {
    if (isBlank(item)) continue;
    const d = dateArg(item, ctx);
    if (d instanceof FormulaError) return d;
    days.add(dayOf(d));
  }
  return days;
}
