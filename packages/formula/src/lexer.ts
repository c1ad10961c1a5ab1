import type { PathSegment } from './ast.ts';
import { FormulaSyntaxError } from './FormulaSyntaxError.ts';
import { type LocalizedMessage, message } from './messages.ts';

export type OperatorText = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '%';

/** What the current token of a `Lexer` is. */
export type TokenKind =
  | 'number'
  | 'string'
  | 'name'
  | 'variable'
  | 'op'
  | '('
  | ')'
  | ','
  | '{'
  | '}'
  | 'eof';

const ID_START = /[\p{L}_]/u;
const ID_PART = /[\p{L}\p{N}\p{M}_]/u;
const SPACE = /\s/;
const UNICODE_ESCAPE = /u\{([0-9a-fA-F]{1,6})\}/y;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r' };
const NO_PATH: readonly string[] = [];
/** The words reserved by the language, upper-case. */
export const KEYWORDS: ReadonlySet<string> = new Set(['TRUE', 'FALSE', 'NULL', 'AND', 'OR', 'NOT']);

// Character classes by UTF-16 code, with ASCII answered by a table rather than a regular expression
// (formulas are mostly ASCII; the Unicode classes cost a RegExp test per character).
const ASCII_ID_START = 1; // a letter or _
const ASCII_ID_PART = 2; // a letter, digit or _
const ASCII_CLASSES = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  const digit = code >= 48 && code <= 57;
  ASCII_CLASSES[code] = (letter ? ASCII_ID_START : 0) | (letter || digit ? ASCII_ID_PART : 0);
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** An ASCII letter or `_` (false for other codes, NaN included). */
const isAsciiIdStart = (code: number): boolean => ((ASCII_CLASSES[code] ?? 0) & ASCII_ID_START) !== 0;
/** An ASCII letter, digit or `_`. */
const isAsciiIdPart = (code: number): boolean => ((ASCII_CLASSES[code] ?? 0) & ASCII_ID_PART) !== 0;

/** `ch` (one code point) may start an identifier: a letter or `_`. */
function isIdStart(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 128 ? isAsciiIdStart(code) : ID_START.test(ch);
}

/** `ch` may continue an identifier: a letter, digit, mark or `_`. */
function isIdPart(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 128 ? isAsciiIdPart(code) : ID_PART.test(ch);
}

/** The UTF-16 unit `code` is white space, as `\s` says. */
function isSpace(code: number): boolean {
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(String.fromCharCode(code));
}

/** Whether a name of `length` units starting with `code` could be a keyword (all are 2–5 letters). */
function mayBeKeyword(code: number, length: number): boolean {
  if (length < 2 || length > 5) return false;
  const lower = code | 0x20; // ASCII letters in lower case
  return lower === 0x61 || lower === 0x66 || lower === 0x6e || lower === 0x6f || lower === 0x74; // a f n o t
}

/**
 * Reads formula text one token at a time, for the parser: the current token is in the lexer's fields
 * (no object per token), and `next()` moves on. A form's validation reads every formula of the form,
 * so tokens, spans and names are not allocated unless the AST keeps them. Throws FormulaSyntaxError
 * with the position of the first bad character it meets.
 */
export class Lexer {
  /** The current token's kind, and its span in the source. */
  kind: TokenKind = 'eof';
  start = 0;
  end = 0;
  /** A number token's value. */
  number = 0;
  /**
   * A string token's value, an operator's text, a variable's name, or a name's first identifier
   * (`score` for `score`, `kr` for `kr[].progress`).
   */
  text = '';
  /** A name token's path when it is more than one plain identifier (`owner.name`, `kr[]`), else undefined. */
  path: PathSegment[] | undefined = undefined;
  /** A variable's path after its name (`['name']` for `$user.name`). */
  variablePath: readonly string[] = NO_PATH;
  /** A plain name that is a keyword (TRUE, FALSE, NULL, AND, OR, NOT; any case) upper-cased, else "". */
  keyword = '';
  private i = 0;

  constructor(readonly source: string) {}

  /** Moves to the next token (staying at `eof` at the end). */
  next(): void {
    const { source } = this;
    let i = this.i;
    while (i < source.length && isSpace(source.charCodeAt(i))) i++;
    this.start = i;
    this.i = i;
    this.keyword = '';
    this.kind = i < source.length ? this.scan(i) : 'eof';
    this.end = this.i;
  }

  /** Reads the token starting at `start` (not white space), leaving `i` at its end. */
  private scan(start: number): TokenKind {
    const { source } = this;
    const code = source.charCodeAt(start);
    if (isAsciiIdStart(code)) return this.readName(start);
    if (isDigit(code) || (code === 46 && isDigit(source.charCodeAt(start + 1))))
      return this.readNumber(start);
    switch (code) {
      case 34: // "
        return this.readString('"', start);
      case 0x201c: // “ (curly quotes typed by Chinese input methods delimit strings too)
        return this.readString('”', start);
      case 36: // $
        return this.readVariable(start);
      // Chinese input methods type full-width punctuation; it is read as its ASCII twin.
      case 40: // (
      case 0xff08: // （
        return this.punctuation('(');
      case 41: // )
      case 0xff09: // ）
        return this.punctuation(')');
      case 44: // ,
      case 0xff0c: // ，
        return this.punctuation(',');
      case 123:
        return this.punctuation('{');
      case 125:
        return this.punctuation('}');
      case 60: {
        // <, <>, <=
        const after = source.charCodeAt(start + 1);
        if (after === 62) return this.op('<>');
        return after === 61 ? this.op('<=') : this.op('<');
      }
      case 62: // >, >=
        return source.charCodeAt(start + 1) === 61 ? this.op('>=') : this.op('>');
      case 43:
        return this.op('+');
      case 45:
        return this.op('-');
      case 42:
        return this.op('*');
      case 47:
        return this.op('/');
      case 94:
        return this.op('^');
      case 38:
        return this.op('&');
      case 61:
        return this.op('=');
      case 37:
        return this.op('%');
      default: {
        const ch = String.fromCodePoint(source.codePointAt(start) ?? 0);
        if (isIdStart(ch)) return this.readName(start);
        return this.failAt(start, start + ch.length, message('unexpectedChar', { char: JSON.stringify(ch) }));
      }
    }
  }

  /** Whether the token after the current one is `(`, read without moving (the parser's one lookahead). */
  nextIsOpenParen(): boolean {
    const { source } = this;
    let i = this.i;
    while (i < source.length && isSpace(source.charCodeAt(i))) i++;
    const code = source.charCodeAt(i);
    return code === 40 || code === 0xff08;
  }

  /** Reads the rest of the text, so that a bad character after a syntax error is reported first. */
  finish(): void {
    while (this.kind !== 'eof') this.next();
  }

  private punctuation(kind: '(' | ')' | ',' | '{' | '}'): TokenKind {
    this.i += 1;
    return kind;
  }

  private op(text: OperatorText): TokenKind {
    this.i += text.length;
    this.text = text;
    return 'op';
  }

  private failAt(start: number, end: number, msg: LocalizedMessage): never {
    throw new FormulaSyntaxError(this.source, { start, end }, msg);
  }

  /** A name or field path starting at `start`, where an identifier starts. */
  private readName(start: number): TokenKind {
    const { source } = this;
    this.i = start;
    const key = this.readIdentifier();
    const i = this.i;
    const after = source.charCodeAt(i);
    // Most names are one identifier: no path is built for them.
    if (after === 46 || (after === 91 && source.charCodeAt(i + 1) === 93)) {
      const path: PathSegment[] = [{ key, each: false }];
      this.readPathTail(path);
      this.path = path;
    } else {
      this.path = undefined;
      const upper = mayBeKeyword(source.charCodeAt(start), key.length) ? key.toUpperCase() : '';
      this.keyword = KEYWORDS.has(upper) ? upper : '';
    }
    this.text = key;
    return 'name';
  }

  private readNumber(start: number): TokenKind {
    const { source } = this;
    let i = start;
    let value = 0;
    while (isDigit(source.charCodeAt(i))) value = value * 10 + source.charCodeAt(i++) - 48;
    let integer = i - start <= 15; // exact in a double
    if (source.charCodeAt(i) === 46) {
      integer = false;
      i++;
      while (isDigit(source.charCodeAt(i))) i++;
    }
    const e = source.charCodeAt(i);
    if (e === 101 || e === 69) {
      const sign = source.charCodeAt(i + 1);
      const digits = sign === 43 || sign === 45 ? i + 2 : i + 1;
      if (isDigit(source.charCodeAt(digits))) {
        integer = false;
        i = digits;
        while (isDigit(source.charCodeAt(i))) i++;
      }
    }
    this.i = i;
    if (!integer) {
      const text = source.slice(start, i);
      value = Number(text);
      if (!Number.isFinite(value)) this.failAt(start, i, message('badNumber', { text }));
    }
    const after = source[i];
    if (after !== undefined && isIdPart(after))
      this.failAt(i, i + 1, message('badNumber', { text: source.slice(start, i) + after }));
    this.number = value;
    return 'number';
  }

  private readVariable(start: number): TokenKind {
    this.i = start + 1;
    const name = this.readIdentifier();
    if (!name) this.failAt(start, this.i, message('expectedVariableName'));
    const segments: PathSegment[] = [{ key: name, each: false }];
    this.readPathTail(segments);
    if (segments.some((s) => s.each)) this.failAt(start, this.i, message('expectedVariableName'));
    this.text = name;
    this.variablePath = segments.slice(1).map((s) => s.key);
    return 'variable';
  }

  private readIdentifier(): string {
    const { source } = this;
    const start = this.i;
    let i = start;
    const code = source.charCodeAt(i);
    if (code < 128) {
      if (!isAsciiIdStart(code)) return '';
      i += 1;
    } else {
      const first = String.fromCodePoint(source.codePointAt(i) ?? 0);
      if (!ID_START.test(first)) return '';
      i += first.length;
    }
    while (i < source.length) {
      const code = source.charCodeAt(i);
      if (code < 128) {
        if (!isAsciiIdPart(code)) break;
        i += 1;
        continue;
      }
      const ch = String.fromCodePoint(source.codePointAt(i) ?? 0);
      if (!ID_PART.test(ch)) break;
      i += ch.length;
    }
    this.i = i;
    return source.slice(start, i);
  }

  private readPathTail(segments: PathSegment[]): void {
    const { source } = this;
    for (;;) {
      const last = segments[segments.length - 1];
      if (last && !last.each && source.startsWith('[]', this.i)) {
        segments[segments.length - 1] = { key: last.key, each: true };
        this.i += 2;
      } else if (source.charCodeAt(this.i) === 46) {
        this.i += 1;
        const key = this.readIdentifier();
        if (!key) this.failAt(this.i, this.i + 1, message('expectedFieldName'));
        segments.push({ key, each: false });
      } else return;
    }
  }

  private readString(closingQuote: string, start: number): TokenKind {
    const { source } = this;
    let i = start + 1;
    let value = '';
    // Text up to the next quote or backslash is copied in one slice.
    let run = i;
    for (;;) {
      if (i >= source.length) return this.failAt(start, source.length, message('unterminatedString'));
      const c = source[i] as string;
      if (c === closingQuote) {
        value += source.slice(run, i);
        // Excel writes a quote inside a string as two quotes: "say ""hi"""
        if (closingQuote === '"' && source.charCodeAt(i + 1) === 34) {
          value += '"';
          i += 2;
          run = i;
          continue;
        }
        this.i = i + 1;
        this.text = value;
        return 'string';
      }
      if (c === '\\') {
        value += source.slice(run, i);
        const next = source[i + 1] ?? '';
        const escaped = ESCAPES[next];
        if (escaped !== undefined) {
          value += escaped;
          i += 2;
          run = i;
          continue;
        }
        UNICODE_ESCAPE.lastIndex = i + 1;
        const unicode = UNICODE_ESCAPE.exec(source);
        const codePoint = unicode ? Number.parseInt(unicode[1] ?? '', 16) : -1;
        if (unicode && codePoint <= 0x10ffff) {
          value += String.fromCodePoint(codePoint);
          i += 1 + unicode[0].length;
          run = i;
          continue;
        }
        this.failAt(i, i + 2, message('badEscape', { char: next || ' ' }));
      }
      i += 1;
    }
  }
}
