import type { PathSegment, Span } from './ast.ts';
import { FormulaSyntaxError } from './FormulaSyntaxError.ts';
import { message } from './messages.ts';

export type OperatorText = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '%';

export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  /** A name or field path: `SUM`, `score`, `owner.name`, `keyResults[].progress`. */
  | { readonly kind: 'name'; readonly path: readonly PathSegment[]; readonly span: Span }
  | {
      readonly kind: 'variable';
      readonly name: string;
      readonly path: readonly string[];
      readonly span: Span;
    }
  | { readonly kind: 'op'; readonly value: OperatorText; readonly span: Span }
  | { readonly kind: '(' | ')' | ',' | '{' | '}' | 'eof'; readonly span: Span };

const ID_START = /[\p{L}_]/u;
const ID_PART = /[\p{L}\p{N}\p{M}_]/u;
const DIGIT = /[0-9]/;

// Chinese input methods type full-width punctuation; accept it as its ASCII twin.
const PUNCTUATION: Readonly<Record<string, '(' | ')' | ',' | '{' | '}'>> = {
  '(': '(',
  ')': ')',
  ',': ',',
  '{': '{',
  '}': '}',
  '（': '(',
  '）': ')',
  '，': ',',
};
const TWO_CHAR_OPS = new Set(['<>', '<=', '>=']);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '^', '&', '=', '<', '>', '%']);
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r' };
// Curly quotes typed by Chinese input methods delimit strings too.
const CLOSING_QUOTE: Readonly<Record<string, string>> = { '"': '"', '“': '”' };

/** Splits formula text into tokens; throws FormulaSyntaxError with the position of the first bad character. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (start: number, end: number, msg: ReturnType<typeof message>): never => {
    throw new FormulaSyntaxError(source, { start, end }, msg);
  };

  const readIdentifier = (): string => {
    const start = i;
    const first = String.fromCodePoint(source.codePointAt(i) ?? 0);
    if (!ID_START.test(first)) return '';
    i += first.length;
    while (i < source.length) {
      const ch = String.fromCodePoint(source.codePointAt(i) ?? 0);
      if (!ID_PART.test(ch)) break;
      i += ch.length;
    }
    return source.slice(start, i);
  };

  const readPathTail = (segments: PathSegment[]): void => {
    for (;;) {
      const last = segments[segments.length - 1];
      if (last && !last.each && source.startsWith('[]', i)) {
        segments[segments.length - 1] = { key: last.key, each: true };
        i += 2;
      } else if (source[i] === '.') {
        i += 1;
        const key = readIdentifier();
        if (!key) fail(i, i + 1, message('expectedFieldName'));
        segments.push({ key, each: false });
      } else return;
    }
  };

  while (i < source.length) {
    const ch = source[i] as string;
    const start = i;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(source[i + 1] ?? ''))) {
      const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(source.slice(i));
      const text = match?.[0] ?? ch;
      i += text.length;
      const value = Number(text);
      if (!Number.isFinite(value)) fail(start, i, message('badNumber', { text }));
      if (ID_PART.test(source[i] ?? ''))
        fail(i, i + 1, message('badNumber', { text: text + (source[i] ?? '') }));
      tokens.push({ kind: 'number', value, span: { start, end: i } });
      continue;
    }
    const closing = CLOSING_QUOTE[ch];
    if (closing) {
      tokens.push(readString(closing, start));
      continue;
    }
    if (ch === '$') {
      i += 1;
      const name = readIdentifier();
      if (!name) fail(start, i, message('expectedVariableName'));
      const segments: PathSegment[] = [{ key: name, each: false }];
      readPathTail(segments);
      if (segments.some((s) => s.each)) fail(start, i, message('expectedVariableName'));
      const [head, ...rest] = segments.map((s) => s.key);
      tokens.push({ kind: 'variable', name: head ?? name, path: rest, span: { start, end: i } });
      continue;
    }
    const punct = PUNCTUATION[ch];
    if (punct) {
      i += 1;
      tokens.push({ kind: punct, span: { start, end: i } });
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      i += 2;
      tokens.push({ kind: 'op', value: two as OperatorText, span: { start, end: i } });
      continue;
    }
    if (ONE_CHAR_OPS.has(ch)) {
      i += 1;
      tokens.push({ kind: 'op', value: ch as OperatorText, span: { start, end: i } });
      continue;
    }
    const name = readIdentifier();
    if (name) {
      const segments: PathSegment[] = [{ key: name, each: false }];
      readPathTail(segments);
      tokens.push({ kind: 'name', path: segments, span: { start, end: i } });
      continue;
    }
    const bad = String.fromCodePoint(source.codePointAt(i) ?? 0);
    fail(start, start + bad.length, message('unexpectedChar', { char: JSON.stringify(bad) }));
  }
  tokens.push({ kind: 'eof', span: { start: source.length, end: source.length } });
  return tokens;

  function readString(closingQuote: string, start: number): Token {
    i += 1;
    let value = '';
    for (;;) {
      if (i >= source.length) return fail(start, source.length, message('unterminatedString'));
      const c = source[i] as string;
      if (c === closingQuote) {
        // Excel writes a quote inside a string as two quotes: "say ""hi"""
        if (closingQuote === '"' && source[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        i += 1;
        return { kind: 'string', value, span: { start, end: i } };
      }
      if (c === '\\') {
        const next = source[i + 1] ?? '';
        const escaped = ESCAPES[next];
        if (escaped !== undefined) {
          value += escaped;
          i += 2;
          continue;
        }
        const unicode = /^u\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i + 1));
        const codePoint = unicode ? Number.parseInt(unicode[1] ?? '', 16) : -1;
        if (unicode && codePoint <= 0x10ffff) {
          value += String.fromCodePoint(codePoint);
          i += 1 + unicode[0].length;
          continue;
        }
        fail(i, i + 2, message('badEscape', { char: next || ' ' }));
      }
      value += c;
      i += 1;
    }
  }
}
