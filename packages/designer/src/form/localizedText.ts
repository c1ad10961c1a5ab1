import type { LocalizedText } from '@formboard/schema';

/** A LocalizedText without empty locales; undefined when no locale has text. */
export function cleanText(text: unknown): LocalizedText | undefined {
  if (typeof text === 'string') return text === '' ? undefined : text;
  if (typeof text !== 'object' || text === null) return undefined;
  const entries = Object.entries(text as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** A text's value in one locale as typed (a plain string counts for every locale). */
export function textIn(text: LocalizedText | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (text as Readonly<Record<string, string>>)[locale] ?? '';
}
