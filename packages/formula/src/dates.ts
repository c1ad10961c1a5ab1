import { FormulaDate, MS_PER_DAY } from './values.ts';

const DATE_TEXT =
  /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$/i;
const CHINESE_DATE_TEXT = /^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$/;

/**
 * Reads ISO-like date text: "2026-11-27", "2026/11/27", "2026年11月27日", "2026-11-27 08:30",
 * "2026-11-27T08:30:00+08:00". Text with an offset is an instant, converted to civil time in `timeZone`.
 */
export function parseDateText(text: string, timeZone: string): FormulaDate | null {
  const chinese = CHINESE_DATE_TEXT.exec(text);
  if (chinese) return civilDate(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]));
  const m = DATE_TEXT.exec(text);
  if (!m) return null;
  const date = civilDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!date || m[4] === undefined) return date;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number((m[7] ?? '0').padEnd(3, '0'));
  const civil = date.ms + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  const offset = m[8];
  if (!offset) return new FormulaDate(civil, true);
  const offsetMinutes = offset.toUpperCase() === 'Z' ? 0 : parseOffset(offset);
  return new FormulaDate(civilMsAt(civil - offsetMinutes * 60_000, timeZone), true);
}

/** A plain date, or null when the parts are not a real calendar day (2026-02-30). */
export function civilDate(year: number, month: number, day: number): FormulaDate | null {
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are instead of adding 1900.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  const ms = d.getTime();
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return new FormulaDate(ms, false);
}

/** The date part of a date or date-time. */
export function dateOnly(date: FormulaDate): FormulaDate {
  return date.hasTime ? new FormulaDate(Math.floor(date.ms / MS_PER_DAY) * MS_PER_DAY, false) : date;
}

function parseOffset(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Civil milliseconds (see FormulaDate) of an instant as seen in `timeZone`. */
export function civilMsAt(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wholeSeconds = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wholeSeconds + (((epochMs % 1000) + 1000) % 1000);
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
