import type { Locale } from '@formboard/formula';
import type { LocalizedText } from '@formboard/schema';

/**
 * A localized text with one locale's text replaced. A plain string (meant for every locale) becomes a
 * map that keeps it for the other locale; an emptied locale is dropped (undefined when none is left).
 */
export function withLocaleText(
  text: LocalizedText | undefined,
  locale: Locale,
  value: string,
): LocalizedText | undefined {
  const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const base: Record<string, string> =
    text === undefined
      ? {}
      : typeof text === 'string'
        ? { [other]: text }
        : { ...(text as Record<string, string>) };
  if (value === '') delete base[locale];
  else base[locale] = value;
  return Object.keys(base).length === 0 ? undefined : base;
}
