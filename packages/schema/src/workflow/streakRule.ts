import type { MetricStreakTrigger } from '../schemas/workflowTriggers.ts';

/** Whether a period's value is on the wrong side of the baseline: below it when higher is better, above it when lower is. */
export function isBadPeriod(
  direction: MetricStreakTrigger['direction'],
  value: number,
  baseline: number,
): boolean {
  return direction === 'higherIsBetter' ? value < baseline : value > baseline;
}

/** A group's streak as the rule sees it: how many bad periods in a row, and whether it has fired. */
export interface StreakState {
  readonly badPeriods: number;
  readonly fired: boolean;
}

/** What one period does to a group's streak. */
export interface StreakStep {
  /** The streak after the period; undefined when there is none (a good period or one without data). */
  readonly state: StreakState | undefined;
  /** The streak reached `length` bad periods with this period and had not fired yet. */
  readonly fires: boolean;
  /** A streak ended with this period. */
  readonly ends: boolean;
}

/**
 * The metric-streak rule for one group and the period after `state`'s last one: a bad period extends
 * the streak (or starts one); a good period, or one without data (`bad` false), ends it. A streak fires
 * once, at the period it reaches `length`. A gap between periods is the caller's to end first.
 */
export function stepStreak(state: StreakState | undefined, bad: boolean, length: number): StreakStep {
  if (!bad) return { state: undefined, fires: false, ends: state !== undefined };
  const badPeriods = (state?.badPeriods ?? 0) + 1;
  const fired = state?.fired ?? false;
  const fires = badPeriods >= length && !fired;
  return { state: { badPeriods, fired: fired || fires }, fires, ends: false };
}
