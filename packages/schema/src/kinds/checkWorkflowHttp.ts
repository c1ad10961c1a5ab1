import type { Report } from '../validate/issues.ts';
import { checkPlaceholders, type WorkflowScope } from './checkWorkflowFormula.ts';

// The placeholder syntax of `fillPlaceholders` (src/workflow/fillPlaceholders.ts), here with each
// placeholder's place in the text, which URL and JSON templates need.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Fills an HTTP step's URL path and query: each placeholder's value, as text, URL-encoded (so a value
 * can neither add a path segment nor a query parameter).
 */
export function fillUrlTemplate(template: string, text: (name: string) => string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(text(name)));
}

/** How a JSON template's placeholders are filled: inside a JSON string as text, or standing alone as a JSON value. */
export interface JsonTemplateFill {
  /** A JSON string's text with its placeholders filled. */
  text(template: string): string;
  /** The value of a placeholder that stands alone where a JSON value goes (`"score": {{score}}`). */
  value(name: string): unknown;
}

// A JSON string can never hold a raw NUL: this marks where a lone placeholder stood.
const LONE = '\u0000';

/**
 * Fills a JSON request body template without ever splicing text into JSON: the template is parsed
 * (a placeholder standing alone where a value goes — `{"score": {{score}}}` — stands in for that
 * value), each string's placeholders are filled as text, each lone placeholder becomes its value, and
 * the result is written with JSON.stringify, so every value is escaped as JSON. Throws a SyntaxError
 * when the template is not JSON. Object keys are kept as written.
 */
export function fillJsonTemplate(template: string, fill: JsonTemplateFill): string {
  return JSON.stringify(walk(JSON.parse(markLonePlaceholders(template)) as unknown, fill));
}

function walk(value: unknown, fill: JsonTemplateFill): unknown {
  if (typeof value === 'string')
    return value.startsWith(LONE) ? fill.value(value.slice(LONE.length)) : fill.text(value);
  if (Array.isArray(value)) return value.map((item) => walk(item, fill));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, fill)]));
  return value;
}

// Turns each placeholder outside JSON strings into a marked JSON string naming it; the rest is kept.
function markLonePlaceholders(template: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') out += template[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === '{' && template[i + 1] === '{') {
      PLACEHOLDER.lastIndex = i;
      const match = PLACEHOLDER.exec(template);
      if (match && match.index === i) {
        out += JSON.stringify(LONE + (match[1] ?? ''));
        i += match[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/**
 * Checks an HTTP step's body: a JSON template (placeholders inside strings, or alone where a value
 * goes), whose placeholders name readable fields or variables.
 */
export function checkHttpBody(body: string, at: string, scope: WorkflowScope, report: Report): void {
  const names: string[] = [];
  try {
    fillJsonTemplate(body, {
      text: (template) => {
        checkPlaceholders(template, at, scope, report);
        return template;
      },
      value: (name) => {
        names.push(name);
        return null;
      },
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    report(
      at,
      'workflow.httpBodyNotJson',
      {
        'zh-CN': `请求体不是 JSON（占位符写在字符串里，或单独作为一个值）：${why}`,
        en: `the request body is not JSON (placeholders go inside strings, or alone as a value): ${why}`,
      },
      body,
    );
    return;
  }
  for (const name of names) checkPlaceholders(`{{${name}}}`, at, scope, report);
}
