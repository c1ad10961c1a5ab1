import { stepStreak } from '@formboard/schema';
import type { Streak } from '@formboard/storage';

/** The verdict on one group for one period: bad (on the wrong side of the baseline) or not. */
export type Verdicts = ReadonlyMap<string, boolean>;

/** What judging a period changes. */
export interface StreakChanges {
  /** Streaks to save: extended, started or ended. */
  readonly changed: Streak[];
  /** Streaks still going after the period, by group. */
  readonly open: Map<string, Streak>;
  /** Groups whose streak reached the length that fires, and has not fired yet. */
  readonly reached: string[];
}

/**
 * Judges one period against the open streaks with the schema's streak rule (`stepStreak`, which the
 * designer's dry run follows too): a bad period extends the group's streak when it follows the
 * streak's last period (a gap ends it and starts a new one); a good period, or a period without data,
 * ends it. A streak fires once, when it reaches `length` periods.
 */
export function judgeStreaks(
  workflowId: string,
  open: ReadonlyMap<string, Streak>,
  verdicts: Verdicts,
  period: string,
  previousPeriod: string,
  length: number,
): StreakChanges {
  const changed: Streak[] = [];
  const next = new Map<string, Streak>();
  const reached: string[] = [];
  const end = (streak: Streak) => changed.push({ ...streak, endedPeriod: period });
  for (const [group, bad] of verdicts) {
    let streak = open.get(group);
    if (streak && streak.lastPeriod !== previousPeriod) {
      end(streak);
      streak = undefined;
    }
    const step = stepStreak(
      streak && { badPeriods: streak.badPeriods, fired: streak.firedRunId !== null },
      bad,
      length,
    );
    if (step.ends && streak) end(streak);
    if (!step.state) continue;
    const extended: Streak = streak
      ? { ...streak, lastPeriod: period, badPeriods: step.state.badPeriods }
      : {
          workflowId,
          groupKey: group,
          firstPeriod: period,
          lastPeriod: period,
          badPeriods: step.state.badPeriods,
          firedRunId: null,
          endedPeriod: null,
          endedAt: null,
        };
    changed.push(extended);
    next.set(group, extended);
    if (step.fires) reached.push(group);
  }
  for (const [group, streak] of open) if (!verdicts.has(group)) end(streak);
  return { changed, open: next, reached };
}
