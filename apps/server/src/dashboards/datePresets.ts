import { civilMsAt } from '@formboard/formula';

/** An inclusive range of calendar days (ISO dates). */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => Date.UTC(year, month, day);

/**
 * A relative range ("thisWeek", "last30Days"…) as calendar days in a time zone at `nowMs`. Weeks
 * start on Monday (ISO 8601), quarters are calendar quarters.
 */
export function resolveDatePreset(preset: string, timeZone: string, nowMs: number): DayRange {
  const today = new Date(civilMsAt(nowMs, timeZone));
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const d = today.getUTCDate();
  const t = utc(y, m, d);
  const monday = t - ((today.getUTCDay() + 6) % 7) * DAY;
  const quarter = Math.floor(m / 3) * 3;
  const ranges: Record<string, [number, number]> = {
    today: [t, t],
    thisWeek: [monday, monday + 6 * DAY],
    lastWeek: [monday - 7 * DAY, monday - DAY],
    thisMonth: [utc(y, m, 1), utc(y, m + 1, 0)],
    lastMonth: [utc(y, m - 1, 1), utc(y, m, 0)],
    thisQuarter: [utc(y, quarter, 1), utc(y, quarter + 3, 0)],
    lastQuarter: [utc(y, quarter - 3, 1), utc(y, quarter, 0)],
    thisYear: [utc(y, 0, 1), utc(y, 11, 31)],
    lastYear: [utc(y - 1, 0, 1), utc(y - 1, 11, 31)],
    last7Days: [t - 6 * DAY, t],
    last30Days: [t - 29 * DAY, t],
    last90Days: [t - 89 * DAY, t],
    last12Months: [utc(y - 1, m, d) + DAY, t],
  };
  const range = ranges[preset];
  if (!range) throw new Error(`unknown date preset ${preset}`);
  return { from: iso(range[0]), to: iso(range[1]) };
}

/** The day after an ISO date: turns an inclusive end into the exclusive one queries take. */
export function dayAfter(date: string): string {
  return iso(Date.parse(`${date}T00:00:00Z`) + DAY);
}
