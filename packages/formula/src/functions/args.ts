import { flatten, toBoolean, toDate, toNumber, toText } from '../coerce.ts';
import { type EvalContext, tick } from '../context.ts';
import type { FormulaDate, Scalar, Value } from '../values.ts';
import { FormulaError } from '../values.ts';

// Argument readers shared by the built-in functions. Each returns the coerced value or the
// FormulaError to return; callers write `if (x instanceof FormulaError) return x;`.

/** A single number argument (arrays are not numbers). */
export function numberArg(v: Value | undefined): number | FormulaError {
  return toNumber(v ?? null);
}

/** An integer argument, truncated toward zero as Excel does for counts and digits. */
export function integerArg(v: Value | undefined): number | FormulaError {
  const n = toNumber(v ?? null);
  return n instanceof FormulaError ? n : Math.trunc(n);
}

/** A text argument. */
export function textArg(v: Value | undefined): string | FormulaError {
  return toText(v ?? null);
}

/** A logical argument. */
export function booleanArg(v: Value | undefined): boolean | FormulaError {
  return toBoolean(v ?? null);
}

/** A date argument: a date, or date text. */
export function dateArg(v: Value | undefined, ctx: EvalContext): FormulaDate | FormulaError {
  return toDate(v ?? null, ctx.timeZone);
}

/** An argument as a list: arrays flattened, a scalar as a one-item list. */
export function listArg(v: Value | undefined, ctx: EvalContext): Scalar[] {
  const list = Array.isArray(v) ? flatten(v as readonly Value[]) : [(v ?? null) as Scalar];
  tick(ctx, list.length);
  return list;
}

/**
 * The numbers of aggregate arguments (SUM, AVERAGE, MIN…), with Excel's rules: a scalar argument is
 * coerced (TRUE→1, "3"→3, text fails), inside arrays only numbers count (text, logicals and blanks are
 * skipped), and any error propagates.
 */
export function numbersOf(args: readonly Value[], ctx: EvalContext): readonly number[] | FormulaError {
  // The common case — only plain numbers, like MIN(actual / target, 1.2) — needs no copy.
  if (args.every((a) => typeof a === 'number')) return args as readonly number[];
  const out: number[] = [];
  for (const arg of args) {
    if (Array.isArray(arg)) {
      const items = flatten(arg as readonly Value[]);
      tick(ctx, items.length);
      for (const item of items) {
        if (typeof item === 'number') out.push(item);
        else if (item instanceof FormulaError) return item;
      }
    } else if (arg !== null) {
      const n = toNumber(arg as Scalar);
      if (n instanceof FormulaError) return n;
      out.push(n);
    }
  }
  return out;
}

/** The first error among values (arrays searched), or undefined. */
export function firstError(values: readonly Value[]): FormulaError | undefined {
  for (const v of values) {
    if (v instanceof FormulaError) return v;
    if (Array.isArray(v)) {
      const inner = firstError(v as readonly Value[]);
      if (inner) return inner;
    }
  }
  return undefined;
}
