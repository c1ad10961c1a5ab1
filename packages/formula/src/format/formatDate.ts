import type { Locale } from '../messages.ts';
import type { FormulaDate } from '../values.ts';
import type { FormatSection, FormatToken } from './formatCode.ts';

// Excel date and time formats: yyyy yy, m mm mmm mmmm, d dd ddd dddd, h hh, m mm (minutes after h or
// before s), s ss (.0–.000 for fractions), AM/PM A/P, and Chinese Excel's 上午/下午, aaa (五), aaaa (星期五).

const DATE_CODE = /^(?:[ymdhs]+|a{3,}|AM\/PM|A\/P|上午\/下午)$/i;
const TWELVE_HOUR = /^(?:AM\/PM|A\/P|上午\/下午)$/i;

/** True when a format section shows a date or a time (it has y, m, d, h, s, aaa or AM/PM codes). */
export function isDateSection(section: FormatSection): boolean {
  return section.some((t) => t.kind === 'code' && DATE_CODE.test(t.text));
}

const nameFormats = new Map<string, Intl.DateTimeFormat>();

// Month or weekday name from Intl: zh-CN 十一月 / 11月, 星期五 / 周五 / 五; en November / Nov, Friday / Fri.
function nameOf(
  date: Date,
  locale: Locale,
  field: 'month' | 'weekday',
  width: 'long' | 'short' | 'narrow',
): string {
  const key = `${locale} ${field} ${width}`;
  let format = nameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { [field]: width, timeZone: 'UTC' });
    nameFormats.set(key, format);
  }
  return format.format(date);
}

const codeAt = (section: FormatSection, i: number): FormatToken | undefined => {
  const token = section[i];
  return token?.kind === 'code' ? token : undefined;
};

// The nearest code before (step −1) or after (step 1) position i, skipping literals such as ":".
function nearestCode(section: FormatSection, i: number, step: 1 | -1): string {
  for (let j = i + step; j >= 0 && j < section.length; j += step) {
    const token = codeAt(section, j);
    if (token) return token.text;
  }
  return '';
}

// Digits of a seconds fraction ("ss.00") starting at i: the count of 0 codes after a "." that follows s.
function fractionDigits(section: FormatSection, i: number): number {
  if (codeAt(section, i)?.text !== '.' || !nearestCode(section, i, -1).startsWith('s')) return 0;
  let n = 0;
  while (codeAt(section, i + 1 + n)?.text === '0') n += 1;
  return n;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats a date (civil time, see FormulaDate) with one section of an Excel date format. */
export function formatDate(value: FormulaDate, section: FormatSection, locale: Locale): string {
  const twelveHour = section.some((t) => t.kind === 'code' && TWELVE_HOUR.test(t.text));
  const decimals = Math.min(
    section.reduce((most, _, i) => Math.max(most, fractionDigits(section, i)), 0),
    3,
  );
  // Like Excel, round to what is shown: 10:29:59.6 as "hh:mm:ss" is 10:30:00.
  const unit = 10 ** (3 - decimals);
  const date = new Date(Math.round(value.ms / unit) * unit);
  const hours = date.getUTCHours();
  const out: string[] = [];
  for (let i = 0; i < section.length; i++) {
    const token = section[i] as FormatToken;
    const text = token.text;
    if (token.kind === 'literal') {
      out.push(text);
      continue;
    }
    if (TWELVE_HOUR.test(text)) {
      out.push(meridiem(text, hours));
      continue;
    }
    const digits = fractionDigits(section, i);
    if (digits > 0) {
      const ms = pad(date.getUTCMilliseconds(), 3).padEnd(digits, '0');
      out.push(`.${ms.slice(0, digits)}`);
      i += digits;
      continue;
    }
    const n = text.length;
    switch (text[0]) {
      case 'y':
        out.push(n <= 2 ? pad(date.getUTCFullYear() % 100) : pad(date.getUTCFullYear(), 4));
        break;
      case 'm': {
        const minutes =
          n <= 2 && (nearestCode(section, i, -1)[0] === 'h' || nearestCode(section, i, 1)[0] === 's');
        const month = date.getUTCMonth() + 1;
        if (minutes) out.push(n === 1 ? String(date.getUTCMinutes()) : pad(date.getUTCMinutes()));
        else if (n <= 2) out.push(n === 1 ? String(month) : pad(month));
        else if (n === 3) out.push(nameOf(date, locale, 'month', 'short'));
        else if (n === 4) out.push(nameOf(date, locale, 'month', 'long'));
        else out.push(nameOf(date, locale, 'month', 'long').charAt(0));
        break;
      }
      case 'd':
        if (n <= 2) out.push(n === 1 ? String(date.getUTCDate()) : pad(date.getUTCDate()));
        else out.push(nameOf(date, locale, 'weekday', n === 3 ? 'short' : 'long'));
        break;
      case 'h': {
        const h = twelveHour ? hours % 12 || 12 : hours;
        out.push(n === 1 ? String(h) : pad(h));
        break;
      }
      case 's':
        out.push(n === 1 ? String(date.getUTCSeconds()) : pad(date.getUTCSeconds()));
        break;
      case 'a':
        // aaa / aaaa are Chinese Excel codes: always Chinese names, whatever the locale.
        out.push(nameOf(date, 'zh-CN', 'weekday', n === 3 ? 'narrow' : 'long'));
        break;
      default:
        out.push(text);
    }
  }
  return out.join('');
}

// 上午/下午 (Chinese Excel's code); AM/PM and A/P in the case they are written.
function meridiem(code: string, hours: number): string {
  const pm = hours >= 12;
  if (code === '上午/下午') return pm ? '下午' : '上午';
  const text = code.length > 3 ? (pm ? 'PM' : 'AM') : pm ? 'P' : 'A';
  return code[0] === code[0]?.toLowerCase() ? text.toLowerCase() : text;
}
