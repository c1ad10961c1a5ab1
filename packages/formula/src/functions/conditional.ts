import { flatten } from '../coerce.ts';
import { type EvalContext, tick } from '../context.ts';
import { T } from '../types.ts';
import { FormulaError, formulaError, type Scalar, type Value } from '../values.ts';
import { type Criterion, parseCriterion } from './criteria.ts';
import type { FunctionSpec } from './FunctionSpec.ts';

const asList = (v: Value | undefined): Scalar[] =>
  Array.isArray(v) ? flatten(v as readonly Value[]) : [(v ?? null) as Scalar];

/**
 * Indexes of the rows passing every (range, criteria) pair; ranges must have one length.
 * `pairs` is the flat argument list range1, criteria1, range2, criteria2…
 */
function matchingRows(
  pairs: readonly Value[],
  ctx: EvalContext,
  expectedLength?: number,
): number[] | FormulaError {
  const tests: { values: Scalar[]; criterion: Criterion }[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const criterion = parseCriterion(asList(pairs[i + 1])[0] ?? null, ctx);
    if (criterion instanceof FormulaError) return criterion;
    tests.push({ values: asList(pairs[i]), criterion });
  }
  const length = expectedLength ?? tests[0]?.values.length ?? 0;
  if (tests.some((t) => t.values.length !== length)) return formulaError('#VALUE!', 'arrayShape');
  const rows: number[] = [];
  for (let row = 0; row < length; row++) {
    if (tests.every((t) => t.criterion(t.values[row] ?? null))) rows.push(row);
  }
  return rows;
}

function numbersAt(values: readonly Scalar[], rows: readonly number[]): number[] | FormulaError {
  const out: number[] = [];
  for (const row of rows) {
    const v = values[row] ?? null;
    if (v instanceof FormulaError) return v;
    if (typeof v === 'number') out.push(v);
  }
  return out;
}

const total = (ns: readonly number[]): number => ns.reduce((s, n) => s + n, 0);

type Combine = (ns: readonly number[]) => Value;
const sumOf: Combine = total;
const averageOf: Combine = (ns) =>
  ns.length === 0 ? formulaError('#DIV/0!', 'divZero') : total(ns) / ns.length;

/** SUMIF / AVERAGEIF: (range, criteria, [values_range]). */
function singleCondition(
  name: string,
  combine: Combine,
  zh: string,
  en: string,
  examples: FunctionSpec['examples'],
): FunctionSpec {
  return {
    name,
    category: 'math',
    minArgs: 2,
    maxArgs: 3,
    params: ['values', 'scalar', 'values'],
    returns: T.number,
    syntax: `${name}(range, criteria, [${name === 'SUMIF' ? 'sum' : 'average'}_range])`,
    description: { 'zh-CN': zh, en },
    examples,
    call: ([range, criteria, valuesRange], ctx) => {
      const values = asList(valuesRange ?? range);
      tick(ctx, values.length);
      const rows = matchingRows([range ?? null, criteria ?? null], ctx, values.length);
      if (rows instanceof FormulaError) return rows;
      const numbers = numbersAt(values, rows);
      return numbers instanceof FormulaError ? numbers : combine(numbers);
    },
  };
}

/** SUMIFS / AVERAGEIFS: (values_range, range1, criteria1, …). */
function multiCondition(
  name: string,
  combine: Combine,
  zh: string,
  en: string,
  examples: FunctionSpec['examples'],
): FunctionSpec {
  return {
    name,
    category: 'math',
    minArgs: 3,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values', 'values', 'scalar'],
    returns: T.number,
    syntax: `${name}(${name === 'SUMIFS' ? 'sum' : 'average'}_range, range1, criteria1, [range2, criteria2], …)`,
    description: { 'zh-CN': zh, en },
    examples,
    call: ([valuesRange, ...pairs], ctx) => {
      if (pairs.length % 2 !== 0)
        return formulaError('#VALUE!', 'badArgument', { name, reason: 'range/criteria pairs' });
      const values = asList(valuesRange);
      tick(ctx, values.length * (pairs.length / 2));
      const rows = matchingRows(pairs, ctx, values.length);
      if (rows instanceof FormulaError) return rows;
      const numbers = numbersAt(values, rows);
      return numbers instanceof FormulaError ? numbers : combine(numbers);
    },
  };
}

const TASKS = {
  tasks: [
    { status: '已完成', owner: '张三', hours: 5 },
    { status: '进行中', owner: '李四', hours: 3 },
    { status: '已完成', owner: '李四', hours: 2 },
  ],
};

export const conditionalFunctions: readonly FunctionSpec[] = [
  {
    name: 'COUNTIF',
    category: 'math',
    minArgs: 2,
    maxArgs: 2,
    params: ['values', 'scalar'],
    returns: T.number,
    syntax: 'COUNTIF(range, criteria)',
    description: {
      'zh-CN': '统计满足条件的个数。条件可为值（"已完成"）、比较（">=80"）或通配符（"张*"、"?号"）。',
      en: 'Counts the values meeting a criteria: a value ("done"), a comparison (">=80") or a wildcard ("A*", "?1").',
    },
    examples: [
      { formula: 'COUNTIF(tasks[].status, "已完成")', data: TASKS, result: 2 },
      { formula: 'COUNTIF({55, 80, 92}, ">=80")', result: 2 },
      { formula: 'COUNTIF({"apples", "oranges", "peaches"}, "*es")', result: 3 },
    ],
    call: ([range, criteria], ctx) => {
      const values = asList(range);
      tick(ctx, values.length);
      const rows = matchingRows([range ?? null, criteria ?? null], ctx);
      return rows instanceof FormulaError ? rows : rows.length;
    },
  },
  {
    name: 'COUNTIFS',
    category: 'math',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values', 'scalar'],
    returns: T.number,
    syntax: 'COUNTIFS(range1, criteria1, [range2, criteria2], …)',
    description: {
      'zh-CN': '统计同时满足多组条件的行数；各范围长度须相同。',
      en: 'Counts the rows meeting every range/criteria pair; the ranges must be the same length.',
    },
    examples: [
      { formula: 'COUNTIFS(tasks[].status, "已完成", tasks[].owner, "李四")', data: TASKS, result: 1 },
      { formula: 'COUNTIFS({1, 2}, ">0", {1}, ">0")', result: '#VALUE!' },
    ],
    call: (args, ctx) => {
      if (args.length % 2 !== 0)
        return formulaError('#VALUE!', 'badArgument', { name: 'COUNTIFS', reason: 'range/criteria pairs' });
      tick(ctx, asList(args[0]).length * (args.length / 2));
      const rows = matchingRows(args, ctx);
      return rows instanceof FormulaError ? rows : rows.length;
    },
  },
  singleCondition(
    'SUMIF',
    sumOf,
    '对满足条件的项求和；给出第三个参数时，对其对应位置求和。',
    'Adds the values meeting the criteria; with a third argument, adds the matching items of that range instead.',
    [
      { formula: 'SUMIF(tasks[].status, "已完成", tasks[].hours)', data: TASKS, result: 7 },
      { formula: 'SUMIF({100000, 200000, 300000, 400000}, ">160000")', result: 900000 },
    ],
  ),
  singleCondition(
    'AVERAGEIF',
    averageOf,
    '对满足条件的项求平均值；没有满足的项时返回 #DIV/0!。',
    'Averages the values meeting the criteria; #DIV/0! when none do.',
    [
      { formula: 'AVERAGEIF(tasks[].owner, "李四", tasks[].hours)', data: TASKS, result: 2.5 },
      { formula: 'AVERAGEIF({100000, 200000, 300000, 400000}, "<250000")', result: 150000 },
    ],
  ),
  multiCondition(
    'SUMIFS',
    sumOf,
    '对同时满足多组条件的行求和。',
    'Adds the values in the rows meeting every range/criteria pair.',
    [
      {
        formula: 'SUMIFS(tasks[].hours, tasks[].status, "已完成", tasks[].owner, "张*")',
        data: TASKS,
        result: 5,
      },
    ],
  ),
  multiCondition(
    'AVERAGEIFS',
    averageOf,
    '对同时满足多组条件的行求平均值。',
    'Averages the values in the rows meeting every range/criteria pair.',
    [{ formula: 'AVERAGEIFS(tasks[].hours, tasks[].status, "已完成")', data: TASKS, result: 3.5 }],
  ),
];
