import { compareScalars } from '../compare.ts';
import { type EvalContext, tick } from '../context.ts';
import { arrayOf, elementType, type FormulaType, T, unionType } from '../types.ts';
import { FormulaDate, FormulaError, formulaError, type Scalar, type Value } from '../values.ts';
import { integerArg, listArg } from './args.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';
import { foldedChars, hasWildcards, parseWildcard, wildcardEquals } from './wildcard.ts';

/** How a lookup compares: equal, wildcard pattern, or equal-else-nearest below / above. */
type MatchMode = 'exact' | 'wildcard' | 'smaller' | 'larger';

const notFound = (name: string): FormulaError => functionError('#N/A', 'notFound', { name });

const badOption = (name: string, value: number, options: string): FormulaError =>
  functionError('#VALUE!', 'badOption', { name, value, options });

// Nearest-value matches only compare like with like: a number is never "just below" a text.
function kind(v: Scalar): string {
  return v instanceof FormulaDate ? 'date' : typeof v;
}

/**
 * XLOOKUP's search: 0-based position of `value` in `items`, scanning from the end when `fromEnd`, or -1.
 * An equal item wins at once; otherwise the nearest one below (smaller) or above (larger), in any order,
 * the first one met on ties. Blanks and errors among the items never match.
 */
function findPosition(
  items: readonly Scalar[],
  value: Scalar,
  mode: MatchMode,
  fromEnd: boolean,
  ctx: EvalContext,
): number {
  const pattern = mode === 'wildcard' && typeof value === 'string' ? parseWildcard(value) : undefined;
  const exact = mode === 'exact' || (mode === 'wildcard' && !pattern);
  const side = mode === 'smaller' ? -1 : 1;
  let best = -1;
  for (let k = 0; k < items.length; k++) {
    const i = fromEnd ? items.length - 1 - k : k;
    const item = items[i] as Scalar;
    if (item === null || item instanceof FormulaError) continue;
    if (pattern) {
      if (typeof item === 'string' && wildcardEquals(foldedChars(item), pattern, ctx)) return i;
    } else if (exact) {
      if (compareScalars(item, value, ctx.timeZone) === 0) return i;
    } else if (kind(item) === kind(value)) {
      const c = compareScalars(item, value, ctx.timeZone);
      if (c === 0) return i;
      const nearer = best < 0 || compareScalars(item, items[best] as Scalar, ctx.timeZone) * side < 0;
      if (Math.sign(c) === side && nearer) best = i;
    }
  }
  return best;
}

/**
 * MATCH's approximate types and LOOKUP, which expect sorted data, as Excel does them: walks the items
 * while they stay at or below the value (at or above when `descending`) and returns the last of them.
 */
function findSorted(items: readonly Scalar[], value: Scalar, descending: boolean, timeZone: string): number {
  let found = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Scalar;
    if (item === null || item instanceof FormulaError || kind(item) !== kind(value)) continue;
    const c = compareScalars(item, value, timeZone);
    if (descending ? c < 0 : c > 0) break;
    found = i;
  }
  return found;
}

/**
 * Applies a lookup to one value or, Excel-style, to each item of an array of values
 * (XLOOKUP(kr[].owner, users[].id, users[].name) looks up every row). Each lookup is charged its scan.
 */
function eachValue(
  value: Value | undefined,
  items: readonly Scalar[],
  ctx: EvalContext,
  one: (v: Scalar) => Value,
): Value {
  if (!Array.isArray(value)) return one((value ?? null) as Scalar);
  return listArg(value, ctx).map((v) => {
    tick(ctx, items.length);
    return one(v);
  });
}

/** The lookup value's own problems: an error propagates, a blank finds nothing (as in Excel). */
function lookupValueError(name: string, value: Scalar): FormulaError | undefined {
  if (value instanceof FormulaError) return value;
  return value === null ? notFound(name) : undefined;
}

const liftedType =
  (result: (args: readonly FormulaType[]) => FormulaType) =>
  (args: readonly FormulaType[]): FormulaType =>
    args[0]?.kind === 'array' ? arrayOf(result(args)) : result(args);

export const lookupFunctions: readonly FunctionImpl[] = [
  {
    name: 'INDEX',
    category: 'lookup',
    minArgs: 2,
    maxArgs: 2,
    params: ['array', 'number'],
    returns: (args) => elementType(args[0] ?? T.any),
    call: ([array, position], ctx) => {
      const items = listArg(array, ctx);
      const n = integerArg(position);
      if (n instanceof FormulaError) return n;
      if (n < 1 || n > items.length)
        return functionError('#REF!', 'indexRange', { name: 'INDEX', index: n, count: items.length });
      return items[n - 1] as Scalar;
    },
  },
  {
    name: 'MATCH',
    category: 'lookup',
    minArgs: 2,
    maxArgs: 3,
    params: ['values', 'array', 'number'],
    returns: liftedType(() => T.number),
    call: ([value, array, type], ctx) => {
      const items = listArg(array, ctx);
      const matchType = type === undefined ? 1 : integerArg(type);
      if (matchType instanceof FormulaError) return matchType;
      if (matchType !== 0 && matchType !== 1 && matchType !== -1)
        return badOption('MATCH', matchType, '0, 1, -1');
      return eachValue(value, items, ctx, (v) => {
        const problem = lookupValueError('MATCH', v);
        if (problem) return problem;
        const at =
          matchType !== 0
            ? findSorted(items, v, matchType === -1, ctx.timeZone)
            : findPosition(
                items,
                v,
                typeof v === 'string' && hasWildcards(v) ? 'wildcard' : 'exact',
                false,
                ctx,
              );
        return at < 0 ? notFound('MATCH') : at + 1;
      });
    },
  },
  {
    name: 'XLOOKUP',
    category: 'lookup',
    minArgs: 3,
    maxArgs: 6,
    params: ['values', 'array', 'array', 'values', 'number', 'number'],
    returns: liftedType((args) =>
      unionType([elementType(args[2] ?? T.any), ...(args[3] ? [elementType(args[3])] : [])]),
    ),
    call: ([value, lookupArray, returnArray, ifNotFound, matchMode, searchMode], ctx) => {
      const items = listArg(lookupArray, ctx);
      const results = listArg(returnArray, ctx);
      if (items.length !== results.length) return formulaError('#VALUE!', 'arrayShape');
      const m = matchMode === undefined ? 0 : integerArg(matchMode);
      if (m instanceof FormulaError) return m;
      const modes: Record<number, MatchMode> = { 0: 'exact', [-1]: 'smaller', 1: 'larger', 2: 'wildcard' };
      const mode = modes[m];
      if (!mode) return badOption('XLOOKUP', m, '0, -1, 1, 2');
      const s = searchMode === undefined ? 1 : integerArg(searchMode);
      if (s instanceof FormulaError) return s;
      // ±2 ask Excel for a binary search of sorted data; a linear scan gives the same answer.
      if (![1, -1, 2, -2].includes(s)) return badOption('XLOOKUP', s, '1, -1, 2, -2');
      return eachValue(value, items, ctx, (v) => {
        const problem = lookupValueError('XLOOKUP', v);
        if (problem) return problem;
        const at = findPosition(items, v, mode, s < 0, ctx);
        if (at >= 0) return results[at] as Scalar;
        return ifNotFound === undefined ? notFound('XLOOKUP') : ifNotFound;
      });
    },
  },
  {
    name: 'LOOKUP',
    category: 'lookup',
    minArgs: 2,
    maxArgs: 3,
    params: ['values', 'array', 'array'],
    returns: liftedType((args) => elementType(args[2] ?? args[1] ?? T.any)),
    call: ([value, lookupArray, resultArray], ctx) => {
      const items = listArg(lookupArray, ctx);
      const results = resultArray === undefined ? items : listArg(resultArray, ctx);
      if (items.length !== results.length) return formulaError('#VALUE!', 'arrayShape');
      return eachValue(value, items, ctx, (v) => {
        const problem = lookupValueError('LOOKUP', v);
        if (problem) return problem;
        const at = findSorted(items, v, false, ctx.timeZone);
        return at < 0 ? notFound('LOOKUP') : (results[at] as Scalar);
      });
    },
  },
];
