import { type LocalizedText, localize } from '@formboard/schema';
import type { RunScope } from './runFormula.ts';

// Fills `{{field}}` and `{{$variable}}` placeholders the way @formboard/workflow's render.ts does for
// real messages (same lookup, same number and list display), so the dry run shows the message people
// would get. The two should become one helper in @formboard/schema (see the designer README).

function lookup(scope: RunScope, name: string): unknown {
  const isVariable = name.startsWith('$');
  const path = (isVariable ? name.slice(1) : name).split('.');
  let current: unknown = isVariable ? scope.variables : scope.data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function show(value: unknown, locale: 'zh-CN' | 'en'): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  if (typeof value === 'boolean') return locale === 'zh-CN' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map((v) => show(v, locale)).join(locale === 'zh-CN' ? '、' : ', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** A localized template rendered in zh-CN and en with the run's values. */
export function renderTemplate(text: LocalizedText, scope: RunScope): { 'zh-CN': string; en: string } {
  const fill = (locale: 'zh-CN' | 'en') =>
    localize(text, locale).replace(PLACEHOLDER, (_, name: string) => show(lookup(scope, name), locale));
  return { 'zh-CN': fill('zh-CN'), en: fill('en') };
}
