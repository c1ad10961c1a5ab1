import { finite, flatten, toNumber } from '../coerce.ts';
import { type EvalContext, tick } from '../context.ts';
import { T } from '../types.ts';
import { FormulaError, formulaError, type Value } from '../values.ts';
import { listArg, numbersOf } from './args.ts';
import type { FunctionExample, FunctionSpec } from './FunctionSpec.ts';

type Reduce = (numbers: readonly number[]) => Value;

/** An aggregate over numbers with Excel's rules for what counts (see numbersOf). */
function aggregate(
  name: string,
  reduce: Reduce,
  syntax: string,
  zh: string,
  en: string,
  examples: readonly FunctionExample[],
): FunctionSpec {
  return {
    name,
    category: 'math',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['numbers'],
    returns: T.number,
    syntax,
    description: { 'zh-CN': zh, en },
    examples,
    call: (args, ctx) => {
      const numbers = numbersOf(args, ctx);
      if (numbers instanceof FormulaError) return numbers;
      const result = reduce(numbers);
      return typeof result === 'number' ? finite(result) : result;
    },
  };
}

const sum = (ns: readonly number[]): number => {
  let total = 0;
  for (const n of ns) total += n;
  return total;
};

const mean = (ns: readonly number[]): Value =>
  ns.length === 0 ? formulaError('#DIV/0!', 'divZero') : sum(ns) / ns.length;

function variance(ns: readonly number[], sample: boolean): Value {
  const n = ns.length - (sample ? 1 : 0);
  if (n <= 0) return formulaError('#DIV/0!', 'divZero');
  const m = sum(ns) / ns.length;
  let squares = 0;
  for (const x of ns) squares += (x - m) ** 2;
  return squares / n;
}

const sqrtOf = (v: Value): Value => (typeof v === 'number' ? Math.sqrt(v) : v);

/** Counts the values of the arguments that pass `keep`, arrays flattened. */
function counting(args: readonly Value[], ctx: EvalContext, keep: (v: Value) => boolean): number {
  let count = 0;
  for (const arg of args) for (const item of listArg(arg, ctx)) if (keep(item)) count += 1;
  return count;
}

export const aggregateFunctions: readonly FunctionSpec[] = [
  aggregate(
    'SUM',
    sum,
    'SUM(number1, [number2], …)',
    '求和。数组（如 keyResults[].weight）中的文本和空值被忽略。',
    'Adds numbers. Text and blanks inside arrays (such as keyResults[].weight) are ignored.',
    [
      { formula: 'SUM(1, 2, 3)', result: 6 },
      { formula: 'SUM(kr[].weight)', data: { kr: [{ weight: 0.4 }, { weight: 0.6 }] }, result: 1 },
      { formula: 'SUM({1, "x", 2})', result: 3 },
    ],
  ),
  aggregate(
    'AVERAGE',
    mean,
    'AVERAGE(number1, [number2], …)',
    '算术平均值；没有数字时返回 #DIV/0!。',
    'Arithmetic mean; #DIV/0! when there are no numbers.',
    [
      { formula: 'AVERAGE(10, 7, 9, 27, 2)', result: 11 },
      { formula: 'AVERAGE(scores)', data: { scores: [] }, result: '#DIV/0!' },
    ],
  ),
  aggregate(
    'MIN',
    (ns) => (ns.length === 0 ? 0 : Math.min(...ns)),
    'MIN(number1, [number2], …)',
    '最小值；没有数字时返回 0（与 Excel 一致）。',
    'Smallest number; 0 when there are none (as in Excel).',
    [
      { formula: 'MIN(actual / target, 1.2)', data: { actual: 90, target: 100 }, result: 0.9 },
      { formula: 'MIN({10, 7, 9})', result: 7 },
    ],
  ),
  aggregate(
    'MAX',
    (ns) => (ns.length === 0 ? 0 : Math.max(...ns)),
    'MAX(number1, [number2], …)',
    '最大值；没有数字时返回 0（与 Excel 一致）。',
    'Largest number; 0 when there are none (as in Excel).',
    [
      { formula: 'MAX(10, 7, 9, 27, 2)', result: 27 },
      { formula: 'MAX(0, score - 60)', data: { score: 55 }, result: 0 },
    ],
  ),
  aggregate(
    'PRODUCT',
    (ns) => ns.reduce((p, n) => p * n, 1),
    'PRODUCT(number1, [number2], …)',
    '连乘积。',
    'Multiplies all numbers.',
    [{ formula: 'PRODUCT(5, 15, 30)', result: 2250 }],
  ),
  aggregate(
    'MEDIAN',
    (ns) => {
      if (ns.length === 0)
        return formulaError('#NUM!', 'badArgument', { name: 'MEDIAN', reason: 'no numbers' });
      const sorted = [...ns].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return sorted.length % 2
        ? (sorted[mid] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    },
    'MEDIAN(number1, [number2], …)',
    '中位数。',
    'The middle number.',
    [
      { formula: 'MEDIAN(1, 2, 3, 4, 5)', result: 3 },
      { formula: 'MEDIAN({1, 2, 3, 4, 5, 6})', result: 3.5 },
    ],
  ),
  aggregate(
    'STDEV',
    (ns) => sqrtOf(variance(ns, true)),
    'STDEV(number1, [number2], …)',
    '样本标准差（同 Excel 的 STDEV.S）。',
    'Sample standard deviation (Excel STDEV.S).',
    [
      {
        formula: 'ROUND(STDEV({1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299}), 2)',
        result: 27.46,
      },
    ],
  ),
  aggregate(
    'STDEVP',
    (ns) => sqrtOf(variance(ns, false)),
    'STDEVP(number1, [number2], …)',
    '总体标准差（同 Excel 的 STDEV.P）。',
    'Population standard deviation (Excel STDEV.P).',
    [
      {
        formula: 'ROUND(STDEVP({1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299}), 2)',
        result: 26.05,
      },
    ],
  ),
  {
    name: 'COUNT',
    category: 'math',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.number,
    syntax: 'COUNT(value1, [value2], …)',
    description: { 'zh-CN': '统计数字的个数。', en: 'Counts the numbers.' },
    examples: [
      { formula: 'COUNT({1, "a", TRUE, 4})', result: 2 },
      { formula: 'COUNT(kr[].progress)', data: { kr: [{ progress: 0.5 }, {}] }, result: 1 },
    ],
    call: (args, ctx) => counting(args, ctx, (v) => typeof v === 'number'),
  },
  {
    name: 'COUNTA',
    category: 'math',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.number,
    syntax: 'COUNTA(value1, [value2], …)',
    description: {
      'zh-CN': '统计非空值的个数。空文本 "" 视为空（表单里清空的字段就是 ""）。',
      en: 'Counts values that are filled in. Empty text "" counts as blank (a cleared form field holds "").',
    },
    examples: [
      { formula: 'COUNTA({1, "a", "", TRUE})', result: 3 },
      {
        formula: 'COUNTA(kr[].name)',
        data: { kr: [{ name: '营收' }, { name: '' }, { name: '成本' }] },
        result: 2,
      },
    ],
    call: (args, ctx) => counting(args, ctx, (v) => v !== null && v !== ''),
  },
  {
    name: 'COUNTBLANK',
    category: 'math',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.number,
    syntax: 'COUNTBLANK(value1, [value2], …)',
    description: {
      'zh-CN': '统计空值（含空文本）的个数。',
      en: 'Counts blank values (empty text included).',
    },
    examples: [
      { formula: 'COUNTBLANK(kr[].owner)', data: { kr: [{ owner: '张三' }, {}, { owner: '' }] }, result: 2 },
    ],
    call: (args, ctx) => counting(args, ctx, (v) => v === null || v === ''),
  },
  {
    name: 'SUMPRODUCT',
    category: 'math',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['numbers'],
    returns: T.number,
    syntax: 'SUMPRODUCT(array1, [array2], …)',
    description: {
      'zh-CN': '各数组对应项相乘后求和，常用于加权得分；非数字按 0 计，数组长度须相同。',
      en: 'Multiplies matching items of the arrays and adds the products (weighted scores); non-numbers count as 0, arrays must be the same length.',
    },
    examples: [
      {
        formula: 'SUMPRODUCT(kr[].weight, kr[].score)',
        data: {
          kr: [
            { weight: 0.6, score: 80 },
            { weight: 0.4, score: 90 },
          ],
        },
        result: 84,
      },
      { formula: 'SUMPRODUCT({1, 2}, {3, 4, 5})', result: '#VALUE!' },
    ],
    call: (args, ctx) => {
      const arrays = args.map((a) =>
        Array.isArray(a) ? flatten(a as readonly Value[]) : [a as Exclude<Value, readonly Value[]>],
      );
      const length = arrays[0]?.length ?? 0;
      if (arrays.some((a) => a.length !== length)) return formulaError('#VALUE!', 'arrayShape');
      tick(ctx, length * arrays.length);
      let total = 0;
      for (let i = 0; i < length; i++) {
        let product = 1;
        for (const array of arrays) {
          const item = array[i] ?? null;
          if (item instanceof FormulaError) return item;
          product *= typeof item === 'number' ? item : 0;
        }
        total += product;
      }
      return finite(total);
    },
  },
  {
    name: 'RANK',
    category: 'math',
    minArgs: 2,
    maxArgs: 3,
    params: ['number', 'numbers', 'number'],
    returns: T.number,
    syntax: 'RANK(number, numbers, [ascending])',
    description: {
      'zh-CN': '数字在一组数中的名次；默认从大到小（第三个参数为 1 时从小到大）。并列取相同名次。',
      en: 'Rank of a number within a list; largest first unless the third argument is 1. Ties share a rank.',
    },
    examples: [
      { formula: 'RANK(7, {7, 3.5, 3.5, 1, 2})', result: 1 },
      { formula: 'RANK(3.5, {7, 3.5, 3.5, 1, 2}, 1)', result: 3 },
      { formula: 'RANK(9, {7, 3.5})', result: '#N/A' },
    ],
    call: ([value, list, order], ctx) => {
      const n = toNumber(value ?? null);
      if (n instanceof FormulaError) return n;
      const numbers = numbersOf([list ?? null], ctx);
      if (numbers instanceof FormulaError) return numbers;
      const ascending = order !== undefined && order !== null && order !== 0 && order !== false;
      if (!numbers.includes(n)) return formulaError('#N/A', 'notFound', { name: 'RANK' });
      return 1 + numbers.filter((x) => (ascending ? x < n : x > n)).length;
    },
  },
];
