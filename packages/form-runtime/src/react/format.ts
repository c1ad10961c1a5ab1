import type { Locale } from '@formboard/formula';

/** Locale-aware display of values (Intl), made once per renderer. */
export interface Formatters {
  readonly locale: Locale;
  readonly timeZone: string;
  /** 1234.5 → "1,234.5". */
  number(value: number): string;
  /** Percentage points: 60 → "60%". */
  percent(points: number): string;
  /** 1234.5, "CNY" → "¥1,234.50". */
  currency(value: number, currency: string): string;
  /** The currency's symbol in the locale: "¥", "CN¥", "US$". */
  currencySymbol(currency: string): string;
  /** "2026-11-01" → "2026年11月1日" / "Nov 1, 2026" (a calendar date: no time-zone shift). */
  date(text: string): string;
  /** Two calendar dates as one range: "2026/11/1 – 2026/11/30" / "Nov 1 – 30, 2026". */
  dateRange(start: string, end: string): string;
  /** An RFC 3339 date-time in the form's time zone. */
  dateTime(text: string): string;
  /** ["a", "b", "c"] → "a、b和c" / "a, b, and c". */
  list(items: readonly string[]): string;
}

/** One value made on first use: Intl formatters are slow to create and most forms need few of them. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

/** Creates the formatters of a locale and time zone (each Intl formatter on first use). */
export function createFormatters(locale: Locale, timeZone: string): Formatters {
  const numbers = lazy(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }));
  const percents = lazy(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }));
  const currencies = new Map<string, Intl.NumberFormat>();
  const symbols = new Map<string, string>();
  const currencyFormat = (currency: string) => {
    let format = currencies.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      currencies.set(currency, format);
    }
    return format;
  };
  const dates = lazy(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  const dateTimes = lazy(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  );
  const lists = lazy(() => new Intl.ListFormat(locale, { type: 'conjunction' }));
  return {
    locale,
    timeZone,
    number: (value) => numbers().format(value),
    percent: (points) => percents().format(points / 100),
    currency: (value, currency) => currencyFormat(currency).format(value),
    currencySymbol(currency) {
      let symbol = symbols.get(currency);
      if (symbol === undefined) {
        symbol =
          currencyFormat(currency)
            .formatToParts(0)
            .find((p) => p.type === 'currency')?.value ?? currency;
        symbols.set(currency, symbol);
      }
      return symbol;
    },
    date(text) {
      const epoch = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(epoch) ? text : dates().format(epoch);
    },
    dateRange(start, end) {
      const a = Date.parse(`${start.slice(0, 10)}T00:00:00Z`);
      const b = Date.parse(`${end.slice(0, 10)}T00:00:00Z`);
      if (Number.isNaN(a) || Number.isNaN(b) || b < a) return `${start} – ${end}`;
      return dates().formatRange(a, b);
    },
    dateTime(text) {
      const epoch = Date.parse(text);
      return Number.isNaN(epoch) ? text : dateTimes().format(epoch);
    },
    list: (items) => lists().format(items),
  };
}
