import { finite, toBoolean } from '../coerce.ts';
import { compareScalars } from '../compare.ts';
import { tick } from '../context.ts';
import { arrayOf, elementType, type FormulaType, T, unionType } from '../types.ts';
import { FormulaDate, FormulaError, formulaError, type Scalar, type Value } from '../values.ts';
import { firstError, integerArg, listArg, numberArg } from './args.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';
import { lookupFunctions } from './lookup.ts';

// Arrays are lists here: a repeating-table column, an array literal, or a scalar as a one-item list.

const listType = (args: readonly FormulaType[]): FormulaType => arrayOf(elementType(args[0] ?? T.any));

const badOption = (name: string, value: number, options: string): FormulaError =>
  functionError('#VALUE!', 'badOption', { name, value, options });

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

const listSpecs: readonly FunctionImpl[] = [
  {
    name: 'FILTER',
    category: 'array',
    minArgs: 2,
    maxArgs: 3,
    params: ['array', 'array', 'values'],
    returns: (args) => (args[2] ? unionType([listType(args), args[2]]) : listType(args)),
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
      return ifEmpty === undefined ? functionError('#N/A', 'emptyFilter', { name: 'FILTER' }) : ifEmpty;
    },
  },
  {
    name: 'UNIQUE',
    category: 'array',
    minArgs: 1,
    maxArgs: 1,
    params: ['array'],
    returns: listType,
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
    call: ([values], ctx) => listArg(values, ctx)[0] ?? null,
  },
  {
    name: 'LAST',
    category: 'array',
    minArgs: 1,
    maxArgs: 1,
    params: ['array'],
    returns: (args) => elementType(args[0] ?? T.any),
    call: ([values], ctx) => listArg(values, ctx).at(-1) ?? null,
  },
  {
    name: 'SEQUENCE',
    category: 'array',
    minArgs: 1,
    maxArgs: 4,
    params: ['number', 'number', 'number', 'number'],
    returns: arrayOf(T.number),
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
        return functionError('#VALUE!', 'badArgument', { name: 'SEQUENCE', reason: 'rows, columns < 0' });
      const count = rows * columns;
      // Charged before anything is allocated: SEQUENCE(1E9) stops with #LIMIT! at once.
      tick(ctx, count);
      return Array.from({ length: count }, (_, i) => finite(start + i * step));
    },
  },
];

export const arrayFunctions: readonly FunctionImpl[] = [...listSpecs, ...lookupFunctions];
