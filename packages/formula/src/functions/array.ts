import { finite, toBoolean } from '../coerce.ts';
import { compareScalars } from '../compare.ts';
import { tick } from '../context.ts';
import { arrayOf, elementType, type FormulaType, T, unionType } from '../types.ts';
import { FormulaDate, FormulaError, formulaError, type Scalar, type Value } from '../values.ts';
import { firstError, integerArg, listArg, numberArg } from './args.ts';
import type { FunctionSpec } from './FunctionSpec.ts';
import { lookupFunctions } from './lookup.ts';

// Arrays are lists here: a repeating-table column, an array literal, or a scalar as a one-item list.

const listType = (args: readonly FormulaType[]): FormulaType => arrayOf(elementType(args[0] ?? T.any));

const badOption = (name: string, value: number, options: string): FormulaError =>
  formulaError('#VALUE!', 'badOption', { name, value, options });

// "The same value" for UNIQUE and COUNTUNIQUE, agreeing with = (text ignores case, numbers compare to
// 15 significant digits) but hashable, so a long column is not compared pair by pair. Blank counts as
// empty text. Callers have already returned any error.
function identity(v: Scalar): string {
  if (v === null) return 's';
  if (typeof v === 'number') return `n${Number.parseFloat(v.toPrecision(15))}`;
  if (typeof v === 'string') return `s${v.toLowerCase()}`;
  if (typeof v === 'boolean') return `b${v}`;
  return v instanceof FormulaDate ? `d${v.ms}` : `e${v.code}`;
}

/** A sort order argument: 1 ascending (the default) or -1 descending. */
function orderArg(name: string, v: Value | undefined): 1 | -1 | FormulaError {
  if (v === undefined) return 1;
  const n = integerArg(v);
  if (n instanceof FormulaError) return n;
  return n === 1 || n === -1 ? n : badOption(name, n, '1, -1');
}

interface SortKey {
  readonly values: readonly Scalar[];
  readonly order: 1 | -1;
}

/** The items reordered by the keys; stable, and blanks go last in either order (as in Excel's Sort). */
function sortBy(items: readonly Scalar[], keys: readonly SortKey[], timeZone: string): Scalar[] {
  const compare = (a: Scalar, b: Scalar, order: 1 | -1): number => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return order * compareScalars(a, b, timeZone);
  };
  const positions = items.map((_, i) => i);
  positions.sort((i, j) => {
    for (const key of keys) {
      const c = compare(key.values[i] as Scalar, key.values[j] as Scalar, key.order);
      if (c !== 0) return c;
    }
    return 0;
  });
  return positions.map((i) => items[i] as Scalar);
}

const KR = {
  kr: [
    { name: '降本', progress: 0.8 },
    { name: '提效', progress: 0.3 },
    { name: '安全', progress: 0.6 },
  ],
};

const listSpecs: readonly FunctionSpec[] = [
  {
    name: 'FILTER',
    category: 'array',
    minArgs: 2,
    maxArgs: 3,
    params: ['array', 'array', 'values'],
    returns: (args) => (args[2] ? unionType([listType(args), args[2]]) : listType(args)),
    syntax: 'FILTER(values, include, [if_empty])',
    description: {
      'zh-CN':
        '返回 include 中对应项为 TRUE 的那些项；两者长度须相同。没有符合的项时返回 if_empty，省略时为 #N/A。',
      en: 'Returns the items whose matching include item is TRUE; both must have the same length. When none qualifies, returns if_empty, or #N/A when it is omitted.',
    },
    examples: [
      { formula: 'FILTER(kr[].name, kr[].progress >= 0.5)', data: KR, result: ['降本', '安全'] },
      { formula: 'FILTER({1, 2, 3}, {1, 2, 3} > 5, "无")', result: '无' },
      { formula: 'FILTER({1, 2, 3}, {TRUE, FALSE})', result: '#VALUE!' },
    ],
    call: ([values, include, ifEmpty], ctx) => {
      const items = listArg(values, ctx);
      const keep = listArg(include, ctx);
      if (items.length !== keep.length) return formulaError('#VALUE!', 'arrayShape');
      const out: Scalar[] = [];
      for (let i = 0; i < items.length; i++) {
        const b = toBoolean(keep[i] as Scalar);
        if (b instanceof FormulaError) return b;
        if (b) out.push(items[i] as Scalar);
      }
      if (out.length > 0) return out;
      return ifEmpty === undefined ? formulaError('#N/A', 'emptyFilter', { name: 'FILTER' }) : ifEmpty;
    },
  },
  {
    name: 'UNIQUE',
    category: 'array',
    minArgs: 1,
    maxArgs: 1,
    params: ['array'],
    returns: listType,
    syntax: 'UNIQUE(values)',
    description: {
      'zh-CN': '去掉重复项，按首次出现的顺序返回各不相同的值。文本比较不区分大小写。',
      en: 'Removes repeats, returning each distinct value in order of first appearance. Text is compared ignoring case.',
    },
    examples: [
      { formula: 'UNIQUE({"华东", "华南", "华东"})', result: ['华东', '华南'] },
      { formula: 'UNIQUE({3, 1, 3, 2, 1})', result: [3, 1, 2] },
    ],
    call: ([values], ctx) => {
      const items = listArg(values, ctx);
      const error = firstError(items);
      if (error) return error;
      const seen = new Set<string>();
      return items.filter((item) => {
        const id = identity(item);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    },
  },
  {
    name: 'COUNTUNIQUE',
    category: 'array',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.number,
    syntax: 'COUNTUNIQUE(value1, [value2], …)',
    description: {
      'zh-CN':
        '统计各不相同的非空值的个数，文本不区分大小写。（Excel 没有此函数，相当于 COUNTA(UNIQUE(…))。）',
      en: 'Counts the distinct values that are not blank, ignoring case in text. (Not an Excel function; like COUNTA(UNIQUE(…)).)',
    },
    examples: [
      { formula: 'COUNTUNIQUE({"华东", "华南", "华东", ""})', result: 2 },
      { formula: 'COUNTUNIQUE(kr[].owner)', data: { kr: [{ owner: 'li' }, { owner: 'Li' }, {}] }, result: 1 },
    ],
    call: (args, ctx) => {
      const seen = new Set<string>();
      for (const arg of args) {
        for (const item of listArg(arg, ctx)) {
          if (item instanceof FormulaError) return item;
          if (item !== null && item !== '') seen.add(identity(item));
        }
      }
      return seen.size;
    },
  },
  {
    name: 'SORT',
    category: 'array',
    minArgs: 1,
    maxArgs: 3,
    params: ['array', 'number', 'number'],
    returns: listType,
    syntax: 'SORT(values, [order])',
    description: {
      'zh-CN':
        '排序：order 为 1（默认）升序，-1 降序。文本不区分大小写，空值总排在最后。也可按 Excel 写作 SORT(values, 1, -1)。',
      en: 'Sorts the values: order 1 (the default) ascending, -1 descending. Text ignores case; blanks always go last. The Excel form SORT(values, 1, -1) also works.',
    },
    examples: [
      { formula: 'SORT({3, 1, 2})', result: [1, 2, 3] },
      { formula: 'SORT(kr[].progress, -1)', data: KR, result: [0.8, 0.6, 0.3] },
      { formula: 'SORT({"b", "A", "c"}, 1, -1)', result: ['c', 'b', 'A'] },
    ],
    call: (args, ctx) => {
      const items = listArg(args[0], ctx);
      const error = firstError(items);
      if (error) return error;
      // Excel's second argument is the column to sort by, which for a list can only be 1.
      if (args.length === 3) {
        const index = integerArg(args[1]);
        if (index instanceof FormulaError) return index;
        if (index !== 1) return badOption('SORT', index, '1');
      }
      const order = orderArg('SORT', args[args.length === 3 ? 2 : 1]);
      if (order instanceof FormulaError) return order;
      return sortBy(items, [{ values: items, order }], ctx.timeZone);
    },
  },
  {
    name: 'SORTBY',
    category: 'array',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['array', 'array', 'values'],
    returns: listType,
    syntax: 'SORTBY(values, by1, [order1], [by2, order2], …)',
    description: {
      'zh-CN':
        '按另一个（或几个）同样长度的数组排序 values，如按进度排列名称。order 为 1（默认）升序，-1 降序；前一个键相同时看下一个。',
      en: 'Sorts the values by one or more other arrays of the same length, such as names by progress. Order 1 (the default) is ascending, -1 descending; ties go to the next key.',
    },
    examples: [
      { formula: 'SORTBY(kr[].name, kr[].progress, -1)', data: KR, result: ['降本', '安全', '提效'] },
      { formula: 'SORTBY({"a", "b", "c"}, {2, 1, 2}, 1, {"x", "y", "z"}, -1)', result: ['b', 'c', 'a'] },
    ],
    call: (args, ctx) => {
      const items = listArg(args[0], ctx);
      const keys: SortKey[] = [];
      for (let i = 1; i < args.length; i += 2) {
        const values = listArg(args[i], ctx);
        if (values.length !== items.length) return formulaError('#VALUE!', 'arrayShape');
        const error = firstError(values);
        if (error) return error;
        const order = orderArg('SORTBY', args[i + 1]);
        if (order instanceof FormulaError) return order;
        keys.push({ values, order });
      }
      return sortBy(items, keys, ctx.timeZone);
    },
  },
  {
    name: 'TAKE',
    category: 'array',
    minArgs: 2,
    maxArgs: 2,
    params: ['array', 'number'],
    returns: listType,
    syntax: 'TAKE(values, count)',
    description: {
      'zh-CN': '取数组开头的 count 项；count 为负数时取末尾的项。',
      en: 'Returns the first count items of the array; a negative count takes them from the end.',
    },
    examples: [
      { formula: 'TAKE(SORT(kr[].progress, -1), 2)', data: KR, result: [0.8, 0.6] },
      { formula: 'TAKE({1, 2, 3, 4}, -1)', result: [4] },
    ],
    call: ([values, count], ctx) => {
      const items = listArg(values, ctx);
      const n = integerArg(count);
      if (n instanceof FormulaError) return n;
      return n >= 0 ? items.slice(0, n) : items.slice(Math.max(0, items.length + n));
    },
  },
  {
    name: 'DROP',
    category: 'array',
    minArgs: 2,
    maxArgs: 2,
    params: ['array', 'number'],
    returns: listType,
    syntax: 'DROP(values, count)',
    description: {
      'zh-CN': '去掉数组开头的 count 项；count 为负数时去掉末尾的项。',
      en: 'Removes the first count items of the array; a negative count removes them from the end.',
    },
    examples: [
      { formula: 'DROP({1, 2, 3, 4}, 1)', result: [2, 3, 4] },
      { formula: 'DROP({1, 2, 3, 4}, -2)', result: [1, 2] },
    ],
    call: ([values, count], ctx) => {
      const items = listArg(values, ctx);
      const n = integerArg(count);
      if (n instanceof FormulaError) return n;
      return n >= 0 ? items.slice(n) : items.slice(0, Math.max(0, items.length + n));
    },
  },
  {
    name: 'FIRST',
    category: 'array',
    minArgs: 1,
    maxArgs: 1,
    params: ['array'],
    returns: (args) => elementType(args[0] ?? T.any),
    syntax: 'FIRST(values)',
    description: {
      'zh-CN': '返回数组的第一项；数组为空时返回空值。（Excel 没有此函数。）',
      en: 'Returns the first item of the array; blank when it is empty. (Not an Excel function.)',
    },
    examples: [
      { formula: 'FIRST(kr[].name)', data: KR, result: '降本' },
      { formula: 'FIRST(kr[].name)', data: { kr: [] }, result: null },
    ],
    call: ([values], ctx) => listArg(values, ctx)[0] ?? null,
  },
  {
    name: 'LAST',
    category: 'array',
    minArgs: 1,
    maxArgs: 1,
    params: ['array'],
    returns: (args) => elementType(args[0] ?? T.any),
    syntax: 'LAST(values)',
    description: {
      'zh-CN': '返回数组的最后一项；数组为空时返回空值。（Excel 没有此函数。）',
      en: 'Returns the last item of the array; blank when it is empty. (Not an Excel function.)',
    },
    examples: [
      { formula: 'LAST(kr[].name)', data: KR, result: '安全' },
      { formula: 'LAST({1, 2, 3})', result: 3 },
    ],
    call: ([values], ctx) => listArg(values, ctx).at(-1) ?? null,
  },
  {
    name: 'SEQUENCE',
    category: 'array',
    minArgs: 1,
    maxArgs: 4,
    params: ['number', 'number', 'number', 'number'],
    returns: arrayOf(T.number),
    syntax: 'SEQUENCE(rows, [columns], [start], [step])',
    description: {
      'zh-CN':
        '生成 rows × columns 个数字的数组（逐行展开为一列），从 start 开始，每次增加 step（都默认为 1）。',
      en: 'Makes an array of rows × columns numbers (row by row, as one list) from start, going up by step (both default to 1).',
    },
    examples: [
      { formula: 'SEQUENCE(4)', result: [1, 2, 3, 4] },
      { formula: 'SEQUENCE(3, 1, 10, 5)', result: [10, 15, 20] },
      { formula: 'SEQUENCE(2, 2, 0, -1)', result: [0, -1, -2, -3] },
    ],
    call: ([rowsValue, columnsValue, startValue, stepValue], ctx) => {
      const rows = integerArg(rowsValue);
      if (rows instanceof FormulaError) return rows;
      const columns = columnsValue === undefined ? 1 : integerArg(columnsValue);
      if (columns instanceof FormulaError) return columns;
      const start = startValue === undefined ? 1 : numberArg(startValue);
      if (start instanceof FormulaError) return start;
      const step = stepValue === undefined ? 1 : numberArg(stepValue);
      if (step instanceof FormulaError) return step;
      if (rows < 0 || columns < 0)
        return formulaError('#VALUE!', 'badArgument', { name: 'SEQUENCE', reason: 'rows, columns < 0' });
      const count = rows * columns;
      // Charged before anything is allocated: SEQUENCE(1E9) stops with #LIMIT! at once.
      tick(ctx, count);
      return Array.from({ length: count }, (_, i) => finite(start + i * step));
    },
  },
];

export const arrayFunctions: readonly FunctionSpec[] = [...listSpecs, ...lookupFunctions];
