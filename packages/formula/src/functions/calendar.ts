import { FormulaDate, type FormulaError, MS_PER_DAY } from '../values.ts';
import { functionError } from './functionMessages.ts';

// Calendar arithmetic for the date functions. A "day" is a whole-day number: FormulaDate ms / MS_PER_DAY,
// so day 0 is 1970-01-01 of the civil calendar (a Thursday).

/** Civil ms of year/month/day; month and day may be out of range and roll over (month 13 → next January). */
export function utc(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

const MIN_MS = utc(1, 1, 1);
const MAX_MS = utc(9999, 12, 31);

/** True for a year Excel's date functions accept (1–9999). */
export const isValidYear = (year: number): boolean => year >= 1 && year <= 9999;

/** A plain date at civil ms `ms` (a midnight), or #NUM! outside years 1–9999 (NaN included). */
export function dateResult(ms: number): FormulaDate | FormulaError {
  return ms >= MIN_MS && ms <= MAX_MS ? new FormulaDate(ms, false) : functionError('#NUM!', 'dateRange');
}

/** The whole-day number of a date or date-time (its time of day dropped). */
export const dayOf = (date: FormulaDate): number => Math.floor(date.ms / MS_PER_DAY);

/** Day of the week of a day number, Monday = 0 … Sunday = 6. */
export const isoWeekday = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** Number of days in a month (month 1–12). */
export const daysInMonth = (year: number, month: number): number =>
  new Date(utc(year, month + 1, 0)).getUTCDate();

/**
 * Civil ms of the date `months` months after `date` (before when negative). The day is clamped to the
 * target month's length, as EDATE does: Jan 31 + 1 month = Feb 28 (29 in leap years).
 */
export function addMonths(date: FormulaDate, months: number): number {
  const d = new Date(date.ms);
  const first = new Date(utc(d.getUTCFullYear(), d.getUTCMonth() + 1 + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  return utc(year, month, Math.min(d.getUTCDate(), daysInMonth(year, month)));
}

// Weekdays (Mon–Fri) among the days before `day`, counted from the Monday 1969-12-29 (day −3).
function weekdaysBefore(day: number): number {
  const offset = day + 3;
  const weeks = Math.floor(offset / 7);
  return weeks * 5 + Math.min(offset - weeks * 7, 5);
}

/** Monday-to-Friday days from `from` to `to`, both included (from ≤ to). */
export const countWeekdays = (from: number, to: number): number =>
  weekdaysBefore(to + 1) - weekdaysBefore(from);

/**
 * The weekday `n` working days after `day` (before it when n < 0), skipping Saturdays and Sundays.
 * A weekend start counts from the Friday before (n > 0) or the Monday after (n < 0), as WORKDAY does.
 */
export function addWeekdays(day: number, n: number): number {
  let weekday = isoWeekday(day);
  let base = day;
  if (weekday >= 5) {
    base = n > 0 ? day - (weekday - 4) : day + (7 - weekday);
    weekday = n > 0 ? 4 : 0;
  }
  const position = weekday + n;
  const weeks = Math.floor(position / 5);
  return base - weekday + weeks * 7 + (position - weeks * 5);
}

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekNumber(day: number): number {
  const thursday = day - isoWeekday(day) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  return Math.floor((thursday - utc(year, 1, 1) / MS_PER_DAY) / 7) + 1;
}

/**
 * Week number with weeks starting on `weekStart` (0 = Sunday … 6 = Saturday) and week 1 holding
 * January 1, as WEEKNUM's return types 1–17 do.
 */
export function weekNumber(day: number, weekStart: number): number {
  const year = new Date(day * MS_PER_DAY).getUTCFullYear();
  const jan1 = utc(year, 1, 1) / MS_PER_DAY;
  const jan1Weekday = (isoWeekday(jan1) + 1) % 7; // Sunday = 0
  return Math.floor((day - jan1 + ((jan1Weekday - weekStart + 7) % 7)) / 7) + 1;
}

/**
 * Whole months from `start` to `end` (start ≤ end) as DATEDIF's "M" counts them: a month is complete
 * once the end's day of month reaches the start's.
 */
export function wholeMonths(start: FormulaDate, end: FormulaDate): number {
  const s = new Date(start.ms);
  const e = new Date(end.ms);
  const months = (e.getUTCFullYear() - s.getUTCFullYear()) * 12 + e.getUTCMonth() - s.getUTCMonth();
  return e.getUTCDate() < s.getUTCDate() ? months - 1 : months;
}

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * YEARFRAC's fraction of a year between two dates (start ≤ end), following Excel's day-count bases:
 * 0 US 30/360, 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 */
export function yearFraction(start: FormulaDate, end: FormulaDate, basis: number): number {
  const s = new Date(start.ms);
  const e = new Date(end.ms);
  const [y1, m1, y2, m2] = [s.getUTCFullYear(), s.getUTCMonth() + 1, e.getUTCFullYear(), e.getUTCMonth() + 1];
  let [d1, d2] = [s.getUTCDate(), e.getUTCDate()];
  const days = dayOf(end) - dayOf(start);
  if (basis === 2) return days / 360;
  if (basis === 3) return days / 365;
  if (basis === 4) return (360 * (y2 - y1) + 30 * (m2 - m1) + Math.min(d2, 30) - Math.min(d1, 30)) / 360;
  if (basis === 0) {
    // Excel's own variant of US (NASD) 30/360, including its end-of-February rules.
    const lastOfFeb = (y: number, m: number, d: number): boolean => m === 2 && d === daysInMonth(y, 2);
    const startFeb = lastOfFeb(y1, m1, d1);
    if (d1 === 31 && d2 === 31) [d1, d2] = [30, 30];
    else if (d1 === 31) d1 = 30;
    else if (d1 === 30 && d2 === 31) d2 = 30;
    else if (startFeb && lastOfFeb(y2, m2, d2)) [d1, d2] = [30, 30];
    else if (startFeb) d1 = 30;
    return (360 * (y2 - y1) + 30 * (m2 - m1) + d2 - d1) / 360;
  }
  // Actual/actual: within one year, 366 when a February 29 is involved; else the average year length.
  if (y1 === y2 || (y2 === y1 + 1 && (m1 > m2 || (m1 === m2 && d1 >= d2)))) {
    let leap = y1 === y2 ? isLeap(y1) : m2 === 2 && d2 === 29;
    for (let y = y1; y <= y2 && !leap; y++) {
      const feb29 = utc(y, 2, 29);
      leap = isLeap(y) && feb29 >= start.ms && feb29 <= end.ms;
    }
    return days / (leap ? 366 : 365);
  }
  const yearsDays = (utc(y2 + 1, 1, 1) - utc(y1, 1, 1)) / MS_PER_DAY;
  return days / (yearsDays / (y2 - y1 + 1));
}
