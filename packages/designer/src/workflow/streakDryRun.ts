import type { LocalizedMessage } from '@formboard/formula';
import type { MetricStreakTrigger } from '@formboard/schema';

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
 * Judges consecutive periods of one group as the engine does (@formboard/workflow's judgeStreaks and
 * valuesOf): a period is bad below the baseline when higher is better, above it when lower is better;
 * a bad period extends the streak, a good one or one without data ends it; the rule fires once per
 * streak, at the period the streak reaches `periods`. `baselines` gives each period's baseline when
 * the trigger's baseline is a field (its aggregate that period).
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
  let streak = 0;
  let fired = false;
  values.forEach((value, i) => {
    const baseline = fixed ?? baselines[i] ?? null;
    const bad =
      typeof value === 'number' && typeof baseline === 'number'
        ? trigger.direction === 'higherIsBetter'
          ? value < baseline
          : value > baseline
        : undefined;
    const ends = bad !== true && streak > 0;
    if (bad === true) streak += 1;
    else {
      streak = 0;
      fired = false;
    }
    const fires = bad === true && streak >= trigger.periods && !fired;
    if (fires) {
      fired = true;
      firesAt.push(i);
    }
    periods.push({ value, baseline, bad, streak, fires, ends });
  });
  return { periods, firesAt };
}
