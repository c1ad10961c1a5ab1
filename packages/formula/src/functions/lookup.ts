import { compareScalars } from '../compare.ts';
import { type EvalContext, tick } from '../context.ts';
import { arrayOf, elementType, type FormulaType, T, unionType } from '../types.ts';
import { FormulaDate, FormulaError, formulaError, type Scalar, type Value } from '../values.ts';
import { integerArg, listArg } from './args.ts';
import type { FunctionSpec } from './FunctionSpec.ts';
import { foldedChars, hasWildcards, parseWildcard, wildcardEquals } from './wildcard.ts';

/** How a lookup compares: equal, wildcard pattern, or equal-else-nearest below / above. */
type MatchMode = 'exact' | 'wildcard' | 'smaller' | 'larger';

const notFound = (name: string): FormulaError => formulaError('#N/A', 'notFound', { name });

const badOption = (name: string, value: number, options: string): FormulaError =>
  formulaError('#VALUE!', 'badOption', { name, value, options });

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

export const lookupFunctions: readonly FunctionSpec[] = [
  {
    name: 'INDEX',
    category: 'lookup',
    minArgs: 2,
    maxArgs: 2,
    params: ['array', 'number'],
    returns: (args) => elementType(args[0] ?? T.any),
    syntax: 'INDEX(array, position)',
    description: {
      'zh-CN': '返回数组中第 position 项（从 1 开始）；超出范围时返回 #REF!。',
      en: 'Returns item number position of the array (the first is 1); #REF! when out of range.',
    },
    examples: [
      { formula: 'INDEX({"低", "中", "高"}, 2)', result: '中' },
      { formula: 'INDEX(kr[].name, 1)', data: { kr: [{ name: '降本' }, { name: '提效' }] }, result: '降本' },
      { formula: 'INDEX({1, 2}, 3)', result: '#REF!' },
    ],
    call: ([array, position], ctx) => {
      const items = listArg(array, ctx);
      const n = integerArg(position);
      if (n instanceof FormulaError) return n;
      if (n < 1 || n > items.length)
        return formulaError('#REF!', 'indexRange', { name: 'INDEX', index: n, count: items.length });
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
    syntax: 'MATCH(value, array, [match_type])',
    description: {
      'zh-CN':
        '返回值在数组中的位置（从 1 开始），找不到时返回 #N/A。match_type 为 0 时精确匹配（文本不区分大小写，支持 ? 和 * 通配符）；为 1（默认）时数组须升序，找不大于该值的最大项；为 -1 时数组须降序，找不小于该值的最小项。',
      en: 'Returns the position (from 1) of the value in the array; #N/A when absent. match_type 0 finds an equal item (text ignores case; ? and * are wildcards); 1 (the default) expects ascending data and finds the largest item not above the value; -1 expects descending data and finds the smallest item not below it.',
    },
    examples: [
      { formula: 'MATCH(39, {25, 38, 40, 41}, 1)', result: 2 },
      { formula: 'MATCH(41, {25, 38, 40, 41}, 0)', result: 4 },
      {
        formula: 'MATCH("提*", kr[].name, 0)',
        data: { kr: [{ name: '降本' }, { name: '提效' }] },
        result: 2,
      },
    ],
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
    syntax: 'XLOOKUP(value, lookup_array, return_array, [if_not_found], [match_mode], [search_mode])',
    description: {
      'zh-CN':
        '在 lookup_array 中查找值，返回 return_array 中同一位置的项；找不到时返回 if_not_found（省略时为 #N/A）。match_mode：0 精确（默认），-1 精确或下一个较小项，1 精确或下一个较大项，2 通配符。search_mode：1 从头查找（默认），-1 从尾查找。',
      en: 'Finds the value in lookup_array and returns the item at the same position of return_array; if_not_found (#N/A when omitted) when absent. match_mode: 0 exact (default), -1 exact or next smaller, 1 exact or next larger, 2 wildcards. search_mode: 1 first to last (default), -1 last to first.',
    },
    examples: [
      {
        formula: 'XLOOKUP("B02", parts[].code, parts[].name, "未找到")',
        data: {
          parts: [
            { code: 'A01', name: '轴承' },
            { code: 'B02', name: '齿轮' },
          ],
        },
        result: '齿轮',
      },
      { formula: 'XLOOKUP(46523, {0, 37000, 46000, 90000}, {0.1, 0.22, 0.24, 0.32}, 0, -1)', result: 0.24 },
      { formula: 'XLOOKUP("z", {"a", "b"}, {1, 2})', result: '#N/A' },
    ],
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
    syntax: 'LOOKUP(value, lookup_array, [result_array])',
    description: {
      'zh-CN':
        '在升序排列的 lookup_array 中找不大于该值的最大项，返回 result_array（省略时为 lookup_array）中同一位置的项。常用于分档；精确查找请用 XLOOKUP。',
      en: 'Finds the largest item not above the value in the ascending lookup_array and returns the item at the same position of result_array (or lookup_array). Handy for bands; use XLOOKUP for exact lookups.',
    },
    examples: [
      { formula: 'LOOKUP(85, {0, 60, 80, 90}, {"D", "C", "B", "A"})', result: 'B' },
      { formula: 'LOOKUP(5.75, {4.14, 4.19, 5.17, 5.77, 6.39})', result: 5.17 },
      { formula: 'LOOKUP(0, {1, 2}, {"a", "b"})', result: '#N/A' },
    ],
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
