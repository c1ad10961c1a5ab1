import { tick } from '../context.ts';
import { arrayOf, T } from '../types.ts';
import { boundedText, FormulaError, formulaError, MAX_TEXT_LENGTH, type Value } from '../values.ts';
import { booleanArg, integerArg, textArg } from './args.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';
import { foldedChars, parseWildcard, wildcardSearch } from './wildcard.ts';

// Text functions that look for one text inside another. Positions count code points (see text.ts).

const badArgument = (name: string, reason: string): FormulaError =>
  functionError('#VALUE!', 'badArgument', { name, reason });

/** Length in characters (code points), as LEN counts. */
export function codePointCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * FIND and SEARCH: reads (find_text, within_text, [start]) and returns the 1-based position that
 * `locate` finds from the 0-based code point `from`, or #VALUE! when there is none.
 */
function position(
  name: string,
  args: readonly Value[],
  locate: (within: string, chars: readonly string[], find: string, from: number) => number,
): Value {
  const find = textArg(args[0]);
  if (find instanceof FormulaError) return find;
  const within = textArg(args[1]);
  if (within instanceof FormulaError) return within;
  const start = args[2] === undefined ? 1 : integerArg(args[2]);
  if (start instanceof FormulaError) return start;
  const chars = Array.from(within);
  if (start < 1 || start > chars.length) return badArgument(name, 'start ∉ 1–LEN(within_text)');
  const at = locate(within, chars, find, start - 1);
  return at < 0 ? functionError('#VALUE!', 'notFound', { name }) : at + 1;
}

// CONTAINS, STARTSWITH, ENDSWITH: (text, part) → boolean, ignoring case like the = operator.
const textTest = (name: string, test: (text: string, part: string) => boolean): FunctionImpl => ({
  name,
  category: 'text',
  minArgs: 2,
  maxArgs: 2,
  params: ['string', 'string'],
  returns: T.boolean,
  call: ([a, b]) => {
    const text = textArg(a);
    if (text instanceof FormulaError) return text;
    const part = textArg(b);
    return part instanceof FormulaError ? part : test(text.toLowerCase(), part.toLowerCase());
  },
});

export const textSearchFunctions: readonly FunctionImpl[] = [
  {
    name: 'FIND',
    category: 'text',
    minArgs: 2,
    maxArgs: 3,
    params: ['string', 'string', 'number'],
    returns: T.number,
    call: (args) =>
      position('FIND', args, (within, chars, find, from) => {
        const at = within.indexOf(find, chars.slice(0, from).join('').length);
        return at < 0 ? -1 : codePointCount(within.slice(0, at));
      }),
  },
  {
    name: 'SEARCH',
    category: 'text',
    minArgs: 2,
    maxArgs: 3,
    params: ['string', 'string', 'number'],
    returns: T.number,
    call: (args, ctx) =>
      position('SEARCH', args, (within, _chars, find, from) =>
        wildcardSearch(foldedChars(within), parseWildcard(find), from, ctx),
      ),
  },
  {
    name: 'SUBSTITUTE',
    category: 'text',
    minArgs: 3,
    maxArgs: 4,
    params: ['string', 'string', 'string', 'number'],
    returns: T.string,
    call: ([t, o, n, instanceValue]) => {
      const text = textArg(t);
      if (text instanceof FormulaError) return text;
      const old = textArg(o);
      if (old instanceof FormulaError) return old;
      const replacement = textArg(n);
      if (replacement instanceof FormulaError) return replacement;
      if (instanceValue === undefined) {
        if (old === '') return text;
        const parts = text.split(old);
        const length = text.length + (parts.length - 1) * (replacement.length - old.length);
        return length > MAX_TEXT_LENGTH
          ? formulaError('#VALUE!', 'textTooLong', { max: MAX_TEXT_LENGTH })
          : parts.join(replacement);
      }
      const instance = integerArg(instanceValue);
      if (instance instanceof FormulaError) return instance;
      if (instance < 1) return badArgument('SUBSTITUTE', 'instance < 1');
      if (old === '') return text;
      let at = text.indexOf(old);
      for (let seen = 1; seen < instance && at >= 0; seen++) at = text.indexOf(old, at + old.length);
      if (at < 0) return text;
      return boundedText(text.slice(0, at) + replacement + text.slice(at + old.length));
    },
  },
  {
    name: 'REPLACE',
    category: 'text',
    minArgs: 4,
    maxArgs: 4,
    params: ['string', 'number', 'number', 'string'],
    returns: T.string,
    call: ([t, startValue, countValue, n]) => {
      const text = textArg(t);
      if (text instanceof FormulaError) return text;
      const start = integerArg(startValue);
      if (start instanceof FormulaError) return start;
      const count = integerArg(countValue);
      if (count instanceof FormulaError) return count;
      const replacement = textArg(n);
      if (replacement instanceof FormulaError) return replacement;
      if (start < 1) return badArgument('REPLACE', 'start < 1');
      if (count < 0) return badArgument('REPLACE', 'count < 0');
      const chars = Array.from(text);
      const before = chars.slice(0, start - 1).join('');
      return boundedText(before + replacement + chars.slice(start - 1 + count).join(''));
    },
  },
  textTest('CONTAINS', (text, part) => text.includes(part)),
  textTest('STARTSWITH', (text, part) => text.startsWith(part)),
  textTest('ENDSWITH', (text, part) => text.endsWith(part)),
  {
    name: 'SPLIT',
    category: 'text',
    minArgs: 2,
    maxArgs: 3,
    params: ['string', 'string', 'boolean'],
    returns: arrayOf(T.string),
    call: ([t, d, ignoreEmpty], ctx) => {
      const text = textArg(t);
      if (text instanceof FormulaError) return text;
      const delimiter = textArg(d);
      if (delimiter instanceof FormulaError) return delimiter;
      const skip = ignoreEmpty === undefined ? false : booleanArg(ignoreEmpty);
      if (skip instanceof FormulaError) return skip;
      if (text === '') return [];
      const parts = delimiter === '' ? Array.from(text) : text.split(delimiter);
      tick(ctx, parts.length);
      return skip ? parts.filter((p) => p !== '') : parts;
    },
  },
];
