import { civilMsAt } from '@formboard/formula';

/** A metric period unit: ISO weeks (Monday first) or calendar months. */
export type PeriodUnit = 'week' | 'month';

const DAY_MS = 86_400_000;

const dayText = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The day `days` after (or before, when negative) a day. */
export function shiftDay(day: string, days: number): string {
  return dayText(dayMs(day) + days * DAY_MS);
}

/** The first day ("YYYY-MM-DD") of the period that contains `day`. */
export function periodOfDay(day: string, unit: PeriodUnit): string {
  const ms = dayMs(day);
  if (unit === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return dayText(ms - weekday * DAY_MS);
}

/** The period that contains the instant `now`, read in a time zone. */
export function periodAt(now: Date, unit: PeriodUnit, timeZone: string): string {
  return periodOfDay(dayText(civilMsAt(now.getTime(), timeZone)), unit);
}

/** The period after (step 1) or before (step -1) a period. */
export function shiftPeriod(period: string, unit: PeriodUnit, step: number): string {
  if (unit === 'week') return dayText(dayMs(period) + step * 7 * DAY_MS);
  const date = new Date(dayMs(period));
  date.setUTCMonth(date.getUTCMonth() + step);
  return dayText(date.getTime());
}

/** The last day of a period. */
export function lastDayOf(period: string, unit: PeriodUnit): string {
  return dayText(dayMs(shiftPeriod(period, unit, 1)) - DAY_MS);
}

/**
 * The closed periods not judged yet, oldest first: after `cursor` up to the one before the current
 * period. Without a cursor only the last closed period is judged (a new rule looks back one period,
 * not over all history); at most `limit` periods, the newest ones, after a long outage.
 */
export function periodsToJudge(
  cursor: string | undefined,
  current: string,
  unit: PeriodUnit,
  limit: number,
): string[] {
  const last = shiftPeriod(current, unit, -1);
  if (cursor === undefined) return [last];
  const periods: string[] = [];
  for (let p = last; p > cursor && periods.length < limit; p = shiftPeriod(p, unit, -1)) periods.unshift(p);
  return periods;
}
