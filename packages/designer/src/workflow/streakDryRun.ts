import type { LocalizedMessage } from '@formboard/formula';
import { isBadPeriod, type MetricStreakTrigger, type StreakState, stepStreak } from '@formboard/schema';

/** One period of a streak dry run. */
export interface PeriodVerdict {
  readonly value: number | null;
  readonly baseline: number | null;
  /** Whether the period is on the wrong side of the baseline; undefined without a value or baseline. */
  readonly bad: boolean | undefined;
  /** How many bad periods in a row the streak has after this period (0: no streak). */
  readonly streak: number;
  /** The rule fires at this period (the streak reached its length, once per streak). */
  readonly fires: boolean;
  /** A streak ended with this period (a good period, or one without data). */
  readonly ends: boolean;
}

/** A metric-streak dry run over consecutive closed periods of one group. */
export interface StreakDryRun {
  readonly periods: readonly PeriodVerdict[];
  /** Indexes of the periods at which the rule fires. */
  readonly firesAt: readonly number[];
  /** Why it could not be judged (a baseline formula: the engine does not support one yet). */
  readonly problem?: LocalizedMessage;
}

/**
 * Judges consecutive periods of one group as the engine does, with @formboard/schema's streak rule
 * (`isBadPeriod`, `stepStreak`): a period is bad below the baseline when higher is better, above it
 * when lower is better; a bad period extends the streak, a good one or one without data ends it; the
 * rule fires once per streak, at the period the streak reaches `periods`. `baselines` gives each
 * period's baseline when the trigger's baseline is a field (its aggregate that period).
 */
export function streakDryRun(
  trigger: MetricStreakTrigger,
  values: readonly (number | null)[],
  baselines: readonly (number | null)[] = [],
): StreakDryRun {
  const fixed = typeof trigger.baseline === 'number' ? trigger.baseline : undefined;
  if (typeof trigger.baseline === 'object' && 'formula' in trigger.baseline) {
    return {
      periods: [],
      firesAt: [],
      problem: { 'zh-CN': '基线暂不支持公式', en: 'baseline formulas are not supported yet' },
    };
  }
  const periods: PeriodVerdict[] = [];
  const firesAt: number[] = [];
  let state: StreakState | undefined;
  values.forEach((value, i) => {
    const baseline = fixed ?? baselines[i] ?? null;
    const bad =
      typeof value === 'number' && typeof baseline === 'number'
        ? isBadPeriod(trigger.direction, value, baseline)
        : undefined;
    const step = stepStreak(state, bad === true, trigger.periods);
    state = step.state;
    if (step.fires) firesAt.push(i);
    const streak = state?.badPeriods ?? 0;
    periods.push({ value, baseline, bad, streak, fires: step.fires, ends: step.ends });
  });
  return { periods, firesAt };
}
