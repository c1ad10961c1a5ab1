import { finite, flatten, toNumber } from '../coerce.ts';
import { type EvalContext, tick } from '../context.ts';
import { T } from '../types.ts';
import { FormulaError, formulaError, type Value } from '../values.ts';
import { listArg, numbersOf } from './args.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';

type Reduce = (numbers: readonly number[]) => Value;

/** An aggregate over numbers with Excel's rules for what counts (see numbersOf). */
function aggregate(name: string, reduce: Reduce): FunctionImpl {
  return {
    name,
    category: 'math',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['numbers'],
    returns: T.number,
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

export const aggregateFunctions: readonly FunctionImpl[] = [
  aggregate('SUM', sum),
  aggregate('AVERAGE', mean),
  aggregate('MIN', (ns) => (ns.length === 0 ? 0 : Math.min(...ns))),
  aggregate('MAX', (ns) => (ns.length === 0 ? 0 : Math.max(...ns))),
  aggregate('PRODUCT', (ns) => ns.reduce((p, n) => p * n, 1)),
  aggregate('MEDIAN', (ns) => {
    if (ns.length === 0)
      return functionError('#NUM!', 'badArgument', { name: 'MEDIAN', reason: 'no numbers' });
    const sorted = [...ns].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  }),
  aggregate('STDEV', (ns) => sqrtOf(variance(ns, true))),
  aggregate('STDEVP', (ns) => sqrtOf(variance(ns, false))),
  {
    name: 'COUNT',
    category: 'math',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.number,
    call: (args, ctx) => counting(args, ctx, (v) => typeof v === 'number'),
  },
  {
    name: 'COUNTA',
    category: 'math',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.number,
    call: (args, ctx) => counting(args, ctx, (v) => v !== null && v !== ''),
  },
  {
    name: 'COUNTBLANK',
    category: 'math',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.number,
    call: (args, ctx) => counting(args, ctx, (v) => v === null || v === ''),
  },
  {
    name: 'SUMPRODUCT',
    category: 'math',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['numbers'],
    returns: T.number,
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
    call: ([value, list, order], ctx) => {
      const n = toNumber(value ?? null);
      if (n instanceof FormulaError) return n;
      const numbers = numbersOf([list ?? null], ctx);
      if (numbers instanceof FormulaError) return numbers;
      const ascending = order !== undefined && order !== null && order !== 0 && order !== false;
      if (!numbers.includes(n)) return functionError('#N/A', 'notFound', { name: 'RANK' });
      return 1 + numbers.filter((x) => (ascending ? x < n : x > n)).length;
    },
  },
];
