import type { CompiledFormula } from './compile.ts';
import { type EvalContext, StepBudgetExceeded } from './context.ts';
import { type Locale, message } from './messages.ts';
import { FormulaError, type Value } from './values.ts';

/** Default number of steps (function calls and array elements) one evaluation may take. */
export const DEFAULT_STEP_BUDGET = 100_000;

/** What a formula is evaluated against. */
export interface Scope {
  /** The record's data: field values by key (own properties only are ever read). */
  readonly data?: unknown;
  /** Context variables without `$`: `{ user: {...}, record: {...} }`; `today`/`now` override the clock. */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** The clock: epoch ms or a Date. Default: the current time. */
  readonly now?: number | Date;
  /** IANA time zone dates are read in. Default "UTC"; the starter pack uses "Asia/Shanghai". */
  readonly timeZone?: string;
  /** Locale for locale-sensitive functions. Default "zh-CN". */
  readonly locale?: Locale;
  /** Steps allowed before the evaluation stops with #LIMIT!. Default DEFAULT_STEP_BUDGET. */
  readonly stepBudget?: number;
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Evaluates a compiled formula. Never throws: problems come back as FormulaError values
 * (#DIV/0!, #VALUE!, #LIMIT! when the step budget runs out…).
 */
export function evaluate(compiled: CompiledFormula, scope: Scope = {}): Value {
  const now = scope.now;
  const ctx: EvalContext = {
    data: scope.data ?? EMPTY,
    variables: scope.variables ?? EMPTY,
    nowEpochMs: now instanceof Date ? now.getTime() : now,
    nowCivilMs: undefined,
    timeZone: scope.timeZone ?? 'UTC',
    locale: scope.locale ?? 'zh-CN',
    stepBudget: scope.stepBudget ?? DEFAULT_STEP_BUDGET,
    steps: 0,
  };
  try {
    return compiled.run(ctx);
  } catch (caught) {
    if (caught instanceof StepBudgetExceeded) return caught.error;
    // A JS stack overflow or any other runtime failure is reported as a value, never thrown at the caller.
    const detail = caught instanceof RangeError ? 'too complex' : 'unexpected failure';
    return new FormulaError('#INTERNAL!', message('internal', { detail }));
  }
}
