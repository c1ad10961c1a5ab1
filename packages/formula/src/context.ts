import { civilMsAt } from './dates.ts';
import type { Locale } from './messages.ts';
import { type FormulaError, formulaError } from './values.ts';

/** State of one evaluation, handed to every compiled node and function. */
export interface EvalContext {
  /** The record's own data: field values by key. */
  readonly data: unknown;
  /** Context variables by name without `$`: user, record, today, now… */
  readonly variables: Readonly<Record<string, unknown>>;
  /** "Now" as epoch milliseconds (undefined: the real clock); `civilNow` reads it once per evaluation. */
  readonly nowEpochMs: number | undefined;
  /** Cache of civilNow. */
  nowCivilMs: number | undefined;
  /** IANA time zone that dates are read in. */
  readonly timeZone: string;
  readonly locale: Locale;
  readonly stepBudget: number;
  /** Steps taken so far; every node and every array element processed counts. */
  steps: number;
}

/** Thrown (and caught by `evaluate`) when an evaluation runs out of steps. */
export class StepBudgetExceeded {
  readonly error: FormulaError;
  constructor(budget: number) {
    this.error = formulaError('#LIMIT!', 'stepBudget', { max: budget });
  }
}

/** Charges `count` steps to the evaluation and stops it when the budget is spent. */
export function tick(ctx: EvalContext, count: number): void {
  ctx.steps += count;
  if (ctx.steps > ctx.stepBudget) throw new StepBudgetExceeded(ctx.stepBudget);
}

/** "Now" as civil milliseconds in the evaluation's time zone (see FormulaDate), computed once per evaluation. */
export function civilNow(ctx: EvalContext): number {
  ctx.nowCivilMs ??= civilMsAt(ctx.nowEpochMs ?? Date.now(), ctx.timeZone);
  return ctx.nowCivilMs;
}
