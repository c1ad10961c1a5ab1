import { compareScalars } from '../compare.ts';
import type { EvalContext } from '../context.ts';
import { T, unionType } from '../types.ts';
import { FormulaDate, FormulaError, type Scalar, type Value } from '../values.ts';
import { booleanArg, listArg } from './args.ts';
import type { FunctionImpl, Thunk } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';

// Logical values of AND/OR/XOR arguments: arrays contribute their logicals and numbers, text is skipped.
function logicals(args: readonly Thunk[], ctx: EvalContext): boolean[] | FormulaError {
  const out: boolean[] = [];
  for (const arg of args) {
    const v = arg(ctx);
    if (Array.isArray(v)) {
      for (const item of listArg(v, ctx)) {
        if (item instanceof FormulaError) return item;
        if (typeof item === 'boolean' || typeof item === 'number') out.push(Boolean(item));
      }
    } else {
      const b = booleanArg(v);
      if (b instanceof FormulaError) return b;
      out.push(b);
    }
  }
  return out;
}

const isA = (name: string, test: (v: Value) => boolean): FunctionImpl => ({
  name,
  category: 'info',
  minArgs: 1,
  maxArgs: 1,
  params: ['values'],
  returns: T.boolean,
  call: ([v]) => test(v ?? null),
});

export const logicFunctions: readonly FunctionImpl[] = [
  {
    name: 'IF',
    category: 'logic',
    minArgs: 2,
    maxArgs: 3,
    params: ['boolean', 'values', 'values'],
    returns: (args) => unionType(args.length === 2 ? [args[1] ?? T.any, T.boolean] : args.slice(1)),
    // Indexed access rather than destructuring: IF is the hottest function in scorecards.
    lazy: (args, ctx) => {
      const cond = (args[0] as Thunk)(ctx);
      const c = typeof cond === 'boolean' ? cond : booleanArg(cond);
      if (c instanceof FormulaError) return c;
      if (c) return (args[1] as Thunk)(ctx);
      const otherwise = args[2];
      return otherwise ? otherwise(ctx) : false;
    },
  },
  {
    name: 'IFS',
    category: 'logic',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['boolean', 'values'],
    returns: (args) => unionType(args.filter((_, i) => i % 2 === 1)),
    lazy: (args, ctx) => {
      if (args.length % 2 !== 0)
        return functionError('#VALUE!', 'badArgument', { name: 'IFS', reason: 'condition/value pairs' });
      for (let i = 0; i < args.length; i += 2) {
        const c = booleanArg((args[i] as Thunk)(ctx));
        if (c instanceof FormulaError) return c;
        if (c) return (args[i + 1] as Thunk)(ctx);
      }
      return functionError('#N/A', 'notFound', { name: 'IFS' });
    },
  },
  {
    name: 'SWITCH',
    category: 'logic',
    minArgs: 3,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['scalar', 'scalar', 'values'],
    returns: (args) => unionType(args.slice(1).filter((_, i) => i % 2 === 1 || i === args.length - 2)),
    lazy: (args, ctx) => {
      const subject = (args[0] as Thunk)(ctx);
      if (subject instanceof FormulaError || Array.isArray(subject)) return subject;
      const pairs = args.length - 1;
      for (let i = 1; i + 1 < args.length; i += 2) {
        const candidate = (args[i] as Thunk)(ctx);
        if (candidate instanceof FormulaError) return candidate;
        if (
          !Array.isArray(candidate) &&
          compareScalars(subject as Scalar, candidate as Scalar, ctx.timeZone) === 0
        ) {
          return (args[i + 1] as Thunk)(ctx);
        }
      }
      return pairs % 2 === 1
        ? (args[args.length - 1] as Thunk)(ctx)
        : functionError('#N/A', 'notFound', { name: 'SWITCH' });
    },
  },
  {
    name: 'AND',
    category: 'logic',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.boolean,
    lazy: (args, ctx) => {
      const values = logicals(args, ctx);
      return values instanceof FormulaError ? values : values.every(Boolean);
    },
  },
  {
    name: 'OR',
    category: 'logic',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.boolean,
    lazy: (args, ctx) => {
      const values = logicals(args, ctx);
      return values instanceof FormulaError ? values : values.some(Boolean);
    },
  },
  {
    name: 'XOR',
    category: 'logic',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.boolean,
    lazy: (args, ctx) => {
      const values = logicals(args, ctx);
      return values instanceof FormulaError ? values : values.filter(Boolean).length % 2 === 1;
    },
  },
  {
    name: 'NOT',
    category: 'logic',
    minArgs: 1,
    maxArgs: 1,
    params: ['boolean'],
    returns: T.boolean,
    call: ([v]) => {
      const b = booleanArg(v);
      return b instanceof FormulaError ? b : !b;
    },
  },
  {
    name: 'IFERROR',
    category: 'logic',
    minArgs: 2,
    maxArgs: 2,
    params: ['values', 'values'],
    returns: (args) => unionType(args),
    lazy: ([value, fallback], ctx) => {
      const v = (value as Thunk)(ctx);
      return v instanceof FormulaError ? (fallback as Thunk)(ctx) : v;
    },
  },
  {
    name: 'IFNA',
    category: 'logic',
    minArgs: 2,
    maxArgs: 2,
    params: ['values', 'values'],
    returns: (args) => unionType(args),
    lazy: ([value, fallback], ctx) => {
      const v = (value as Thunk)(ctx);
      return v instanceof FormulaError && v.code === '#N/A' ? (fallback as Thunk)(ctx) : v;
    },
  },
  isA('ISBLANK', (v) => v === null || v === '' || (Array.isArray(v) && v.length === 0)),
  isA('ISNUMBER', (v) => typeof v === 'number'),
  isA('ISTEXT', (v) => typeof v === 'string'),
  isA('ISDATE', (v) => v instanceof FormulaDate),
  isA('ISERROR', (v) => v instanceof FormulaError),
  {
    name: 'BLANK',
    category: 'logic',
    minArgs: 0,
    maxArgs: 0,
    params: [],
    returns: T.blank,
    call: () => null,
  },
];
