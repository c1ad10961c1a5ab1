import type { PathSegment, Span } from './ast.ts';
import { FormulaSyntaxError } from './FormulaSyntaxError.ts';
import { type LocalizedMessage, message } from './messages.ts';

export type OperatorText = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '%';

export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  /**
   * A name or field path: `SUM`, `score`, `owner.name`, `keyResults[].progress`. `word` is the name
   * upper-cased when it is one plain segment (a function, keyword or top-level field), else "".
   */
  | {
      readonly kind: 'name';
      readonly path: readonly PathSegment[];
      readonly word: string;
      readonly span: Span;
    }
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
const SPACE = /\s/;
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const UNICODE_ESCAPE = /u\{([0-9a-fA-F]{1,6})\}/y;

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

// Character classes by UTF-16 code, with ASCII answered without a regular expression (formulas are
// mostly ASCII; the Unicode classes cost a RegExp test per character).
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isAsciiLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** `ch` (one code point) may start an identifier: a letter or `_`. */
function isIdStart(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 128 ? isAsciiLetter(code) || code === 95 : ID_START.test(ch);
}

/** `ch` may continue an identifier: a letter, digit, mark or `_`. */
function isIdPart(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 128 ? isAsciiLetter(code) || isDigit(code) || code === 95 : ID_PART.test(ch);
}

/** `ch` (one UTF-16 unit) is white space, as `\s` says. */
function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(ch);
}

/** Splits formula text into tokens; throws FormulaSyntaxError with the position of the first bad character. */
export function tokenize(source: string): Token[] {
  return new Lexer(source).run();
}

/**
 * The scan behind `tokenize`, its steps as methods rather than closures made per call (a form's
 * validation tokenizes every formula of the form; each closure costs an allocation and, under tsx's
 * keepNames, a defineProperty).
 */
class Lexer {
  private i = 0;
  private readonly tokens: Token[] = [];

  constructor(private readonly source: string) {}

  run(): Token[] {
    const { source, tokens } = this;
    while (this.i < source.length) {
      const start = this.i;
      const ch = source[start] as string;
      if (isSpace(ch)) {
        this.i += 1;
        continue;
      }
      const code = ch.charCodeAt(0);
      if (isAsciiLetter(code) || code === 95) {
        tokens.push(this.readName(start));
        continue;
      }
      if (isDigit(code) || (ch === '.' && isDigit(source.charCodeAt(start + 1)))) {
        tokens.push(this.readNumber(start));
        continue;
      }
      const closing = CLOSING_QUOTE[ch];
      if (closing) {
        tokens.push(this.readString(closing, start));
        continue;
      }
      if (ch === '$') {
        tokens.push(this.readVariable(start));
        continue;
      }
      const punct = PUNCTUATION[ch];
      if (punct) {
        this.i += 1;
        tokens.push({ kind: punct, span: { start, end: this.i } });
        continue;
      }
      const two = source.slice(start, start + 2);
      if (TWO_CHAR_OPS.has(two)) {
        this.i += 2;
        tokens.push({ kind: 'op', value: two as OperatorText, span: { start, end: this.i } });
        continue;
      }
      if (ONE_CHAR_OPS.has(ch)) {
        this.i += 1;
        tokens.push({ kind: 'op', value: ch as OperatorText, span: { start, end: this.i } });
        continue;
      }
      if (isIdStart(String.fromCodePoint(source.codePointAt(start) ?? 0))) {
        tokens.push(this.readName(start));
        continue;
      }
      const bad = String.fromCodePoint(source.codePointAt(start) ?? 0);
      this.fail(start, start + bad.length, message('unexpectedChar', { char: JSON.stringify(bad) }));
    }
    tokens.push({ kind: 'eof', span: { start: source.length, end: source.length } });
    return tokens;
  }

  private fail(start: number, end: number, msg: LocalizedMessage): never {
    throw new FormulaSyntaxError(this.source, { start, end }, msg);
  }

  /** A name or field path starting at `start`, where an identifier starts. */
  private readName(start: number): Token {
    const name = this.readIdentifier();
    const path: PathSegment[] = [{ key: name, each: false }];
    this.readPathTail(path);
    const word = path.length === 1 && !path[0]?.each ? name.toUpperCase() : '';
    return { kind: 'name', path, word, span: { start, end: this.i } };
  }

  private readNumber(start: number): Token {
    const { source } = this;
    NUMBER.lastIndex = start;
    const text = NUMBER.exec(source)?.[0] ?? (source[start] as string);
    this.i = start + text.length;
    const value = Number(text);
    if (!Number.isFinite(value)) this.fail(start, this.i, message('badNumber', { text }));
    const after = source[this.i];
    if (after !== undefined && isIdPart(after))
      this.fail(this.i, this.i + 1, message('badNumber', { text: text + after }));
    return { kind: 'number', value, span: { start, end: this.i } };
  }

  private readVariable(start: number): Token {
    this.i += 1;
    const name = this.readIdentifier();
    if (!name) this.fail(start, this.i, message('expectedVariableName'));
    const segments: PathSegment[] = [{ key: name, each: false }];
    this.readPathTail(segments);
    if (segments.some((s) => s.each)) this.fail(start, this.i, message('expectedVariableName'));
    const path = segments.slice(1).map((s) => s.key);
    return { kind: 'variable', name, path, span: { start, end: this.i } };
  }

  private readIdentifier(): string {
    const { source } = this;
    const start = this.i;
    const code = source.charCodeAt(start);
    if (code < 128) {
      if (!(isAsciiLetter(code) || code === 95)) return '';
      this.i += 1;
    } else {
      const first = String.fromCodePoint(source.codePointAt(start) ?? 0);
      if (!ID_START.test(first)) return '';
      this.i += first.length;
    }
    while (this.i < source.length) {
      const code = source.charCodeAt(this.i);
      if (code < 128) {
        if (!(isAsciiLetter(code) || isDigit(code) || code === 95)) break;
        this.i += 1;
        continue;
      }
      const ch = String.fromCodePoint(source.codePointAt(this.i) ?? 0);
      if (!ID_PART.test(ch)) break;
      this.i += ch.length;
    }
    return source.slice(start, this.i);
  }

  private readPathTail(segments: PathSegment[]): void {
    const { source } = this;
    for (;;) {
      const last = segments[segments.length - 1];
      if (last && !last.each && source.startsWith('[]', this.i)) {
        segments[segments.length - 1] = { key: last.key, each: true };
        this.i += 2;
      } else if (source[this.i] === '.') {
        this.i += 1;
        const key = this.readIdentifier();
        if (!key) this.fail(this.i, this.i + 1, message('expectedFieldName'));
        segments.push({ key, each: false });
      } else return;
    }
  }

  private readString(closingQuote: string, start: number): Token {
    const { source } = this;
    this.i += 1;
    let value = '';
    for (;;) {
      if (this.i >= source.length) return this.fail(start, source.length, message('unterminatedString'));
      const c = source[this.i] as string;
      if (c === closingQuote) {
        // Excel writes a quote inside a string as two quotes: "say ""hi"""
        if (closingQuote === '"' && source[this.i + 1] === '"') {
          value += '"';
          this.i += 2;
          continue;
        }
        this.i += 1;
        return { kind: 'string', value, span: { start, end: this.i } };
      }
      if (c === '\\') {
        const next = source[this.i + 1] ?? '';
        const escaped = ESCAPES[next];
        if (escaped !== undefined) {
          value += escaped;
          this.i += 2;
          continue;
        }
        UNICODE_ESCAPE.lastIndex = this.i + 1;
        const unicode = UNICODE_ESCAPE.exec(source);
        const codePoint = unicode ? Number.parseInt(unicode[1] ?? '', 16) : -1;
        if (unicode && codePoint <= 0x10ffff) {
          value += String.fromCodePoint(codePoint);
          this.i += 1 + unicode[0].length;
          continue;
        }
        this.fail(this.i, this.i + 2, message('badEscape', { char: next || ' ' }));
      }
      value += c;
      this.i += 1;
    }
  }
}
