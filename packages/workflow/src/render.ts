import { type LocalizedText, localize } from '@formboard/schema';
import type { RunContext } from './runScope.ts';
import type { RenderedText } from './types.ts';

function lookup(context: RunContext, name: string): unknown {
  const isVariable = name.startsWith('$');
  const path = (isVariable ? name.slice(1) : name).split('.');
  let current: unknown = isVariable ? context.variables : context.data;
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

// The placeholder syntax the schema's checks read (`placeholders` in @formboard/schema).
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Fills `{{field}}` and `{{$variable}}` placeholders of a template in one locale. */
export function fill(template: string, context: RunContext, locale: 'zh-CN' | 'en'): string {
  return template.replace(PLACEHOLDER, (_, name: string) => show(lookup(context, name), locale));
}

/** Renders a localized template in zh-CN and en. */
export function renderText(text: LocalizedText, context: RunContext): RenderedText {
  return {
    'zh-CN': fill(localize(text, 'zh-CN'), context, 'zh-CN'),
    en: fill(localize(text, 'en'), context, 'en'),
  };
}
