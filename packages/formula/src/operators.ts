import type { BinaryOperator } from './ast.ts';
import { finite, toBoolean, toNumber, toText } from './coerce.ts';
import { COMPARISONS, type ComparisonOperator, compareScalars } from './compare.ts';
import { type EvalContext, tick } from './context.ts';
import { parseDateText } from './dates.ts';
import {
  boundedText,
  FormulaDate,
  FormulaError,
  formulaError,
  MS_PER_DAY,
  type Scalar,
  type Value,
} from './values.ts';

/** Applies a binary operator, element-wise when either side is an array (Excel's dynamic arrays). */
export function applyBinary(op: BinaryOperator, a: Value, b: Value, ctx: EvalContext): Value {
  if (Array.isArray(a) || Array.isArray(b))
    return broadcast(a, b, ctx, (x, y) => applyScalar(op, x as Scalar, y as Scalar, ctx));
  return applyScalar(op, a as Scalar, b as Scalar, ctx);
}

/** Applies a unary operator, element-wise over arrays. */
export function applyUnary(op: '-' | '+' | '%', a: Value, ctx: EvalContext): Value {
  if (Array.isArray(a)) {
    tick(ctx, a.length);
    return (a as readonly Value[]).map((item) => applyUnary(op, item, ctx));
  }
  const n = toNumber(a);
  if (n instanceof FormulaError) return n;
  return op === '-' ? -n : op === '%' ? n / 100 : n;
}

function broadcast(a: Value, b: Value, ctx: EvalContext, fn: (x: Value, y: Value) => Value): Value {
  const left = Array.isArray(a) ? (a as readonly Value[]) : undefined;
  const right = Array.isArray(b) ? (b as readonly Value[]) : undefined;
  if (left && right && left.length !== right.length) return formulaError('#VALUE!', 'arrayShape');
  const length = left?.length ?? right?.length ?? 0;
  tick(ctx, length);
  const out: Value[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const x = left ? (left[i] as Value) : a;
    const y = right ? (right[i] as Value) : b;
    out[i] = Array.isArray(x) || Array.isArray(y) ? broadcast(x, y, ctx, fn) : fn(x, y);
  }
  return out;
}

function applyScalar(op: BinaryOperator, a: Scalar, b: Scalar, ctx: EvalContext): Value {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '^':
      return arithmetic(op, a, b, ctx.timeZone);
    case '&': {
      const x = toText(a);
      if (x instanceof FormulaError) return x;
      const y = toText(b);
      if (y instanceof FormulaError) return y;
      return boundedText(x + y);
    }
    case 'AND':
    case 'OR': {
      const x = toBoolean(a);
      if (x instanceof FormulaError) return x;
      const y = toBoolean(b);
      if (y instanceof FormulaError) return y;
      return op === 'AND' ? x && y : x || y;
    }
    default: {
      if (a instanceof FormulaError) return a;
      if (b instanceof FormulaError) return b;
      return COMPARISONS[op as ComparisonOperator](compareScalars(a, b, ctx.timeZone));
    }
  }
}

/** A date operand: a date value, or text that reads as a date ("2026-01-31"). */
function asDate(v: Scalar, timeZone: string): FormulaDate | undefined {
  if (v instanceof FormulaDate) return v;
  return typeof v === 'string' ? (parseDateText(v, timeZone) ?? undefined) : undefined;
}

function arithmetic(op: '+' | '-' | '*' | '/' | '^', a: Scalar, b: Scalar, timeZone: string): Value {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const x = toNumber(a);
  const y = toNumber(b);
  if (x instanceof FormulaError || y instanceof FormulaError) {
    return dateArithmetic(op, a, b, timeZone) ?? (x instanceof FormulaError ? x : (y as FormulaError));
  }
  switch (op) {
    case '+':
      return finite(x + y);
    case '-':
      return finite(x - y);
    case '*':
      return finite(x * y);
    case '/':
      return y === 0 ? formulaError('#DIV/0!', 'divZero') : finite(x / y);
    default:
      if (x === 0 && y < 0) return formulaError('#DIV/0!', 'divZero');
      return finite(x ** y);
  }
}

// date ± days → date; date − date → days (fractional when times are involved).
function dateArithmetic(op: string, a: Scalar, b: Scalar, timeZone: string): Value | undefined {
  const da = asDate(a, timeZone);
  const db = asDate(b, timeZone);
  if (da && db) return op === '-' ? (da.ms - db.ms) / MS_PER_DAY : undefined;
  const date = da ?? db;
  const days = toNumber(da ? b : a);
  if (!date || days instanceof FormulaError || (op !== '+' && !(op === '-' && da))) return undefined;
  const ms = date.ms + (op === '+' ? days : -days) * MS_PER_DAY;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return formulaError('#NUM!', 'numberOverflow');
  return new FormulaDate(ms, date.hasTime || !Number.isInteger(days));
}
