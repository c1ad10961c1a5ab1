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
 * Judges one period against the open streaks: a bad period extends the group's streak when it
 * follows the streak's last period (else starts a new one); a good period, or a period without data,
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
    const streak = open.get(group);
    if (!bad) {
      if (streak) end(streak);
      continue;
    }
    let extended: Streak;
    if (streak && streak.lastPeriod === previousPeriod) {
      extended = { ...streak, lastPeriod: period, badPeriods: streak.badPeriods + 1 };
    } else {
      if (streak) end(streak);
      extended = {
        workflowId,
        groupKey: group,
        firstPeriod: period,
        lastPeriod: period,
        badPeriods: 1,
        firedRunId: null,
        endedPeriod: null,
        endedAt: null,
      };
    }
    changed.push(extended);
    next.set(group, extended);
    if (extended.badPeriods >= length && extended.firedRunId === null) reached.push(group);
  }
  for (const [group, streak] of open) if (!verdicts.has(group)) end(streak);
  return { changed, open: next, reached };
}
