// Civil dates as ISO text ("2026-11-23"), computed in UTC so no local time zone can shift a day.

const DAY_MS = 86_400_000;

/** The date `days` days after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The first day of the date's month. */
export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** A date-time in Shanghai (UTC+8, no daylight saving) as ISO text with its offset. */
export function shanghaiTime(date: string, hour: number, minute = 0): string {
  const hh = String(Math.floor(hour)).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return `${date}T${hh}:${mm}:00+08:00`;
}

/** `count` Mondays, one week apart, the last one `lastMonday`. */
export function weeksEndingAt(lastMonday: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(lastMonday, -7 * (count - 1 - i)));
}
