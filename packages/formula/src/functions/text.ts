import { toText } from '../coerce.ts';
import type { EvalContext } from '../context.ts';
import { T } from '../types.ts';
import { boundedText, FormulaError, formulaError, MAX_TEXT_LENGTH, type Value } from '../values.ts';
import { booleanArg, integerArg, listArg, textArg } from './args.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';
import { textConvertFunctions } from './textConvert.ts';
import { codePointCount, textSearchFunctions } from './textSearch.ts';

// Character counts and positions are in code points, not UTF-16 units as in Excel, so that an emoji
// counts as one character; Chinese characters count as one either way.

const badArgument = (name: string, reason: string): FormulaError =>
  functionError('#VALUE!', 'badArgument', { name, reason });

const tooLong = (): FormulaError => formulaError('#VALUE!', 'textTooLong', { max: MAX_TEXT_LENGTH });

/** Joins texts, checking the length first so that a huge result is never built. */
function joinBounded(parts: readonly string[], delimiter: string): string | FormulaError {
  let length = delimiter.length * Math.max(0, parts.length - 1);
  for (const part of parts) length += part.length;
  return length > MAX_TEXT_LENGTH ? tooLong() : parts.join(delimiter);
}

/** The texts of every item of every argument (arrays flattened); the first error instead, if any. */
function textsOf(args: readonly Value[], ctx: EvalContext, skipEmpty: boolean): string[] | FormulaError {
  const out: string[] = [];
  for (const arg of args) {
    for (const item of listArg(arg, ctx)) {
      const text = toText(item);
      if (text instanceof FormulaError) return text;
      if (!skipEmpty || text !== '') out.push(text);
    }
  }
  return out;
}

/** The optional character count of LEFT and RIGHT: 1 when omitted, never negative. */
function countArg(name: string, v: Value | undefined): number | FormulaError {
  if (v === undefined) return 1;
  const n = integerArg(v);
  if (n instanceof FormulaError) return n;
  return n < 0 ? badArgument(name, 'count < 0') : n;
}

const LETTER = /\p{L}/u;

// Excel's TRIM removes spaces (U+0020) only; we also treat the full-width space U+3000 typed by
// Chinese input methods as a space. Inner runs keep their first space. The ends are found by hand:
// a /\s+$/-style pattern would take quadratic time on a long run of inner spaces.
function trimSpaces(s: string): string {
  const isSpace = (i: number): boolean => s[i] === ' ' || s[i] === '\u3000';
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(start)) start++;
  while (end > start && isSpace(end - 1)) end--;
  return s.slice(start, end).replace(/([ \u3000])[ \u3000]+/g, '$1');
}

// One text argument in, one value out: LEN, UPPER, LOWER, PROPER, TRIM.
const oneText = (name: string, returns: FunctionImpl['returns'], fn: (s: string) => Value): FunctionImpl => ({
  name,
  category: 'text',
  minArgs: 1,
  maxArgs: 1,
  params: ['string'],
  returns,
  call: ([v]) => {
    const s = textArg(v);
    return s instanceof FormulaError ? s : fn(s);
  },
});

const basicTextFunctions: readonly FunctionImpl[] = [
  {
    name: 'CONCAT',
    category: 'text',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.string,
    call: (args, ctx) => {
      const texts = textsOf(args, ctx, false);
      return texts instanceof FormulaError ? texts : joinBounded(texts, '');
    },
  },
  {
    name: 'CONCATENATE',
    category: 'text',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['string'],
    returns: T.string,
    call: (args) => {
      const texts: string[] = [];
      for (const arg of args) {
        const s = textArg(arg);
        if (s instanceof FormulaError) return s;
        texts.push(s);
      }
      return joinBounded(texts, '');
    },
  },
  {
    name: 'TEXTJOIN',
    category: 'text',
    minArgs: 3,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['string', 'boolean', 'values'],
    returns: T.string,
    call: ([delimiter, ignoreEmpty, ...values], ctx) => {
      const d = textArg(delimiter);
      if (d instanceof FormulaError) return d;
      const skip = booleanArg(ignoreEmpty);
      if (skip instanceof FormulaError) return skip;
      const texts = textsOf(values, ctx, skip);
      return texts instanceof FormulaError ? texts : joinBounded(texts, d);
    },
  },
  oneText('LEN', T.number, codePointCount),
  {
    name: 'LEFT',
    category: 'text',
    minArgs: 1,
    maxArgs: 2,
    params: ['string', 'number'],
    returns: T.string,
    call: ([v, count]) => {
      const s = textArg(v);
      if (s instanceof FormulaError) return s;
      const n = countArg('LEFT', count);
      return n instanceof FormulaError ? n : Array.from(s).slice(0, n).join('');
    },
  },
  {
    name: 'RIGHT',
    category: 'text',
    minArgs: 1,
    maxArgs: 2,
    params: ['string', 'number'],
    returns: T.string,
    call: ([v, count]) => {
      const s = textArg(v);
      if (s instanceof FormulaError) return s;
      const n = countArg('RIGHT', count);
      if (n instanceof FormulaError) return n;
      const chars = Array.from(s);
      return chars.slice(Math.max(0, chars.length - n)).join('');
    },
  },
  {
    name: 'MID',
    category: 'text',
    minArgs: 3,
    maxArgs: 3,
    params: ['string', 'number', 'number'],
    returns: T.string,
    call: ([v, startValue, countValue]) => {
      const s = textArg(v);
      if (s instanceof FormulaError) return s;
      const start = integerArg(startValue);
      if (start instanceof FormulaError) return start;
      const count = integerArg(countValue);
      if (count instanceof FormulaError) return count;
      if (start < 1) return badArgument('MID', 'start < 1');
      if (count < 0) return badArgument('MID', 'count < 0');
      return Array.from(s)
        .slice(start - 1, start - 1 + count)
        .join('');
    },
  },
  oneText('UPPER', T.string, (s) => boundedText(s.toUpperCase())),
  oneText('LOWER', T.string, (s) => boundedText(s.toLowerCase())),
  oneText('PROPER', T.string, (s) => {
    let out = '';
    let afterLetter = false;
    for (const c of s) {
      const letter = LETTER.test(c);
      out += letter ? (afterLetter ? c.toLowerCase() : c.toUpperCase()) : c;
      afterLetter = letter;
    }
    return boundedText(out);
  }),
  oneText('TRIM', T.string, trimSpaces),
  {
    name: 'REPT',
    category: 'text',
    minArgs: 2,
    maxArgs: 2,
    params: ['string', 'number'],
    returns: T.string,
    call: ([v, countValue]) => {
      const s = textArg(v);
      if (s instanceof FormulaError) return s;
      const count = integerArg(countValue);
      if (count instanceof FormulaError) return count;
      if (count < 0) return badArgument('REPT', 'count < 0');
      if (s === '' || count === 0) return '';
      return s.length * count > MAX_TEXT_LENGTH ? tooLong() : s.repeat(count);
    },
  },
  {
    name: 'EXACT',
    category: 'text',
    minArgs: 2,
    maxArgs: 2,
    params: ['string', 'string'],
    returns: T.boolean,
    call: ([a, b]) => {
      const x = textArg(a);
      if (x instanceof FormulaError) return x;
      const y = textArg(b);
      return y instanceof FormulaError ? y : x === y;
    },
  },
];

export const textFunctions: readonly FunctionImpl[] = [
  ...basicTextFunctions,
  ...textSearchFunctions,
  ...textConvertFunctions,
];
