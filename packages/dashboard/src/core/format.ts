import type { Locale } from '@formboard/formula';

/** How a value is shown: the definition's format, decimals and unit text (already localised). */
export interface ValueStyle {
  readonly format?: 'number' | 'percent' | 'currency' | 'duration';
  readonly decimals?: number;
  readonly unit?: string;
}

/** The bucket sizes of a time bucket. */
export type BucketUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Locale-aware display of dashboard values and time buckets (Intl), cached per style. */
export interface ValueFormatter {
  readonly locale: Locale;
  /** 0.857 as percent → "85.7%"; 1234.5 → "1,234.5"; 3 as duration → "3小时" / "3 hr". */
  value(value: number | null, style?: ValueStyle): string;
  /** A signed change ratio: 0.052 → "+5.2%". */
  change(ratio: number): string;
  /** A time bucket's start date as its period: month "2025-03-01" → "2025年3月" / "Mar 2025". */
  bucket(start: string, unit: BucketUnit): string;
  /** A moment (ISO text) as date and time in the formatter's time zone: "2025/3/4 09:30" / "Mar 4, 2025, 9:30 AM". */
  dateTime(iso: string): string;
  /** A span of time in its largest sensible unit: 45 min, 5 hr, 3 days ("45分钟", "5小时", "3天"). */
  elapsed(ms: number): string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Creates the formatter of a locale; `currency` is the ISO code money is shown in, `timeZone` the one
 * moments are shown in (default: the runtime's own).
 */
export function createValueFormatter(locale: Locale, currency = 'CNY', timeZone?: string): ValueFormatter {
  const cache = new Map<string, Intl.NumberFormat>();
  const numberFormat = (key: string, options: Intl.NumberFormatOptions) => {
    let format = cache.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, options);
      cache.set(key, format);
    }
    return format;
  };
  const digits = (decimals: number | undefined, fallback: number) =>
    decimals === undefined
      ? { maximumFractionDigits: fallback }
      : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  const dates = new Map<string, Intl.DateTimeFormat>();
  const dateFormat = (key: string, options: Intl.DateTimeFormatOptions) => {
    let format = dates.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, options);
      dates.set(key, format);
    }
    return format;
  };
  // Buckets are calendar days: format them in UTC so no time zone shifts the day.
  const dayFormat = (key: string, options: Intl.DateTimeFormatOptions) =>
    dateFormat(key, { ...options, timeZone: 'UTC' });
  return {
    locale,
    value(value, style = {}) {
      if (value === null) return '—';
      const { format = 'number', decimals } = style;
      let text: string;
      if (format === 'percent')
        text = numberFormat(`p${decimals}`, { style: 'percent', ...digits(decimals, 1) }).format(value);
      else if (format === 'currency')
        text = numberFormat(`c${decimals}`, { style: 'currency', currency, ...digits(decimals, 2) }).format(
          value,
        );
      else if (format === 'duration')
        text = numberFormat(`d${decimals}`, {
          style: 'unit',
          unit: 'hour',
          unitDisplay: 'short',
          ...digits(decimals, 1),
        }).format(value);
      else text = numberFormat(`n${decimals}`, digits(decimals, 2)).format(value);
      return style.unit ? `${text} ${style.unit}` : text;
    },
    change(ratio) {
      return numberFormat('change', {
        style: 'percent',
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(ratio);
    },
    bucket(start, unit) {
      const ms = Date.parse(`${start.slice(0, 10)}T00:00:00Z`);
      if (Number.isNaN(ms)) return start;
      const date = new Date(ms);
      if (unit === 'year') return dayFormat('y', { year: 'numeric' }).format(ms);
      if (unit === 'month') return dayFormat('ym', { year: 'numeric', month: 'short' }).format(ms);
      if (unit === 'quarter') {
        const quarter = Math.floor(date.getUTCMonth() / 3) + 1;
        return locale === 'zh-CN'
          ? `${date.getUTCFullYear()}年第${quarter}季度`
          : `Q${quarter} ${date.getUTCFullYear()}`;
      }
      return dayFormat('md', { month: 'short', day: 'numeric' }).format(ms);
    },
    dateTime(iso) {
      const ms = Date.parse(iso);
      if (Number.isNaN(ms)) return iso;
      return dateFormat('dt', {
        dateStyle: 'medium',
        timeStyle: 'short',
        ...(timeZone === undefined ? {} : { timeZone }),
      }).format(ms);
    },
    elapsed(ms) {
      const [unit, size] =
        ms < HOUR
          ? (['minute', MINUTE] as const)
          : ms < 2 * DAY
            ? (['hour', HOUR] as const)
            : (['day', DAY] as const);
      return numberFormat(`e${unit}`, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        maximumFractionDigits: 0,
      }).format(Math.max(0, Math.floor(ms / size)));
    },
  };
}
