import type { LocalizedText } from '../schemas/localizedText.ts';
import { localize } from '../schemas/localizedText.ts';

/**
 * What a template's placeholders read, as a workflow run keeps it: the record's fields (or the metric
 * group's) and the `$variables` stored without their `$` (`old`, `event`, `streak`, `run`…).
 */
export interface PlaceholderValues {
  readonly data: Readonly<Record<string, unknown>>;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** A template filled in both shipped locales. */
export type FilledText = { readonly 'zh-CN': string; readonly en: string };

// The one placeholder syntax: what the checks read (`placeholders`) is what a run fills.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The names inside `{{…}}` placeholders of a template text. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

function lookup(values: PlaceholderValues, name: string): unknown {
  const isVariable = name.startsWith('$');
  const path = (isVariable ? name.slice(1) : name).split('.');
  let current: unknown = isVariable ? values.variables : values.data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function show(value: unknown, locale: 'zh-CN' | 'en'): string {
  if (value === undefined || value === null) return '';
  // Averages come out with long fractions: two decimals read better in a message.
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  if (typeof value === 'boolean') return locale === 'zh-CN' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map((v) => show(v, locale)).join(locale === 'zh-CN' ? '、' : ', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Fills `{{field}}` and `{{$variable}}` placeholders of a template in one locale: dotted paths reach
 * into objects, a missing value gives '', numbers show two decimals at most, lists are joined.
 */
export function fillPlaceholders(
  template: string,
  values: PlaceholderValues,
  locale: 'zh-CN' | 'en',
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => show(lookup(values, name), locale));
}

/** A localized template filled in zh-CN and en (each locale's text, as `localize` picks it). */
export function fillLocalized(text: LocalizedText, values: PlaceholderValues): FilledText {
  return {
    'zh-CN': fillPlaceholders(localize(text, 'zh-CN'), values, 'zh-CN'),
    en: fillPlaceholders(localize(text, 'en'), values, 'en'),
  };
}
