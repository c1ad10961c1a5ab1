import type { FromSchema } from 'json-schema-to-ts';

/** User-visible text: a plain string, or one text per locale. */
export const localizedTextSchema = {
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
      patternProperties: { '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$': { type: 'string' } },
      additionalProperties: false,
      minProperties: 1,
    },
  ],
} as const;

export type LocalizedText = FromSchema<typeof localizedTextSchema>;

/** The text for a locale: the exact locale, then zh-CN, then en, then any. */
export function localize(text: LocalizedText | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const byLocale = text as Readonly<Record<string, string>>;
  return byLocale[locale] ?? byLocale['zh-CN'] ?? byLocale.en ?? Object.values(byLocale)[0] ?? '';
}
