import { flatten } from '../coerce.ts';
import { type EvalContext, tick } from '../context.ts';
import { T } from '../types.ts';
import { FormulaError, formulaError, type Scalar, type Value } from '../values.ts';
import { type Criterion, parseCriterion } from './criteria.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';

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
function singleCondition(name: string, combine: Combine): FunctionImpl {
  return {
    name,
    category: 'math',
    minArgs: 2,
    maxArgs: 3,
    params: ['values', 'scalar', 'values'],
    returns: T.number,
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
function multiCondition(name: string, combine: Combine): FunctionImpl {
  return {
    name,
    category: 'math',
    minArgs: 3,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values', 'values', 'scalar'],
    returns: T.number,
    call: ([valuesRange, ...pairs], ctx) => {
      if (pairs.length % 2 !== 0)
        return functionError('#VALUE!', 'badArgument', { name, reason: 'range/criteria pairs' });
      const values = asList(valuesRange);
      tick(ctx, values.length * (pairs.length / 2));
      const rows = matchingRows(pairs, ctx, values.length);
      if (rows instanceof FormulaError) return rows;
      const numbers = numbersAt(values, rows);
      return numbers instanceof FormulaError ? numbers : combine(numbers);
    },
  };
}

export const conditionalFunctions: readonly FunctionImpl[] = [
  {
    name: 'COUNTIF',
    category: 'math',
    minArgs: 2,
    maxArgs: 2,
    params: ['values', 'scalar'],
    returns: T.number,
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
    call: (args, ctx) => {
      if (args.length % 2 !== 0)
        return functionError('#VALUE!', 'badArgument', { name: 'COUNTIFS', reason: 'range/criteria pairs' });
      tick(ctx, asList(args[0]).length * (args.length / 2));
      const rows = matchingRows(args, ctx);
      return rows instanceof FormulaError ? rows : rows.length;
    },
  },
  singleCondition('SUMIF', sumOf),
  singleCondition('AVERAGEIF', averageOf),
  multiCondition('SUMIFS', sumOf),
  multiCondition('AVERAGEIFS', averageOf),
];
