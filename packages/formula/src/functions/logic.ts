import { compareScalars } from '../compare.ts';
import type { EvalContext } from '../context.ts';
import { T, unionType } from '../types.ts';
import { FormulaDate, FormulaError, formulaError, type Scalar, type Value } from '../values.ts';
import { booleanArg, listArg } from './args.ts';
import type { FunctionSpec, Thunk } from './FunctionSpec.ts';

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

const isA = (
  name: string,
  test: (v: Value) => boolean,
  zh: string,
  en: string,
  examples: FunctionSpec['examples'],
): FunctionSpec => ({
  name,
  category: 'info',
  minArgs: 1,
  maxArgs: 1,
  params: ['values'],
  returns: T.boolean,
  syntax: `${name}(value)`,
  description: { 'zh-CN': zh, en },
  examples,
  call: ([v]) => test(v ?? null),
});

export const logicFunctions: readonly FunctionSpec[] = [
  {
    name: 'IF',
    category: 'logic',
    minArgs: 2,
    maxArgs: 3,
    params: ['boolean', 'values', 'values'],
    returns: (args) => unionType(args.length === 2 ? [args[1] ?? T.any, T.boolean] : args.slice(1)),
    syntax: 'IF(condition, value_if_true, [value_if_false])',
    description: {
      'zh-CN': '条件为真时返回第二个参数，否则返回第三个参数（省略时为 FALSE）。只计算选中的分支。',
      en: 'Returns the second argument when the condition is true, else the third (FALSE when omitted). Only the chosen branch is evaluated.',
    },
    examples: [
      { formula: 'IF(score >= 60, "及格", "不及格")', data: { score: 75 }, result: '及格' },
      { formula: 'IF(1 > 2, "yes")', result: false },
    ],
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
    syntax: 'IFS(condition1, value1, [condition2, value2], …)',
    description: {
      'zh-CN': '返回第一个为真的条件对应的值；都不为真时返回 #N/A。',
      en: 'Returns the value of the first true condition; #N/A when none is true.',
    },
    examples: [
      { formula: 'IFS(score >= 90, "A", score >= 75, "B", TRUE, "C")', data: { score: 80 }, result: 'B' },
      { formula: 'IFS(FALSE, 1)', result: '#N/A' },
    ],
    lazy: (args, ctx) => {
      if (args.length % 2 !== 0)
        return formulaError('#VALUE!', 'badArgument', { name: 'IFS', reason: 'condition/value pairs' });
      for (let i = 0; i < args.length; i += 2) {
        const c = booleanArg((args[i] as Thunk)(ctx));
        if (c instanceof FormulaError) return c;
        if (c) return (args[i + 1] as Thunk)(ctx);
      }
      return formulaError('#N/A', 'notFound', { name: 'IFS' });
    },
  },
  {
    name: 'SWITCH',
    category: 'logic',
    minArgs: 3,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['scalar', 'scalar', 'values'],
    returns: (args) => unionType(args.slice(1).filter((_, i) => i % 2 === 1 || i === args.length - 2)),
    syntax: 'SWITCH(expression, match1, result1, [match2, result2], …, [default])',
    description: {
      'zh-CN': '把表达式依次与各匹配值比较，返回第一个相等者的结果；都不相等时返回默认值（没有则 #N/A）。',
      en: 'Compares the expression with each match and returns the result of the first equal one; else the default (or #N/A).',
    },
    examples: [
      { formula: 'SWITCH(level, 1, "低", 2, "中", 3, "高", "未知")', data: { level: 2 }, result: '中' },
      { formula: 'SWITCH("x", "a", 1)', result: '#N/A' },
    ],
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
        : formulaError('#N/A', 'notFound', { name: 'SWITCH' });
    },
  },
  {
    name: 'AND',
    category: 'logic',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.boolean,
    syntax: 'AND(logical1, [logical2], …)',
    description: {
      'zh-CN': '所有参数都为真时返回 TRUE。也可写作中缀：a AND b。',
      en: 'TRUE when every argument is true. Also written infix: a AND b.',
    },
    examples: [
      { formula: 'AND(TRUE, 1 > 0)', result: true },
      { formula: 'AND({TRUE, FALSE})', result: false },
    ],
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
    syntax: 'OR(logical1, [logical2], …)',
    description: {
      'zh-CN': '任一参数为真时返回 TRUE。也可写作中缀：a OR b。',
      en: 'TRUE when any argument is true. Also written infix: a OR b.',
    },
    examples: [
      { formula: 'OR(FALSE, 2 > 1)', result: true },
      { formula: 'OR(FALSE, FALSE)', result: false },
    ],
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
    syntax: 'XOR(logical1, [logical2], …)',
    description: {
      'zh-CN': '为真的参数个数为奇数时返回 TRUE。',
      en: 'TRUE when an odd number of arguments are true.',
    },
    examples: [
      { formula: 'XOR(TRUE, FALSE)', result: true },
      { formula: 'XOR(TRUE, TRUE)', result: false },
    ],
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
    syntax: 'NOT(logical)',
    description: {
      'zh-CN': '取反。也可写作前缀：NOT a。',
      en: 'Negates a logical value. Also written as a prefix: NOT a.',
    },
    examples: [
      { formula: 'NOT(TRUE)', result: false },
      { formula: 'NOT status = "已完成"', data: { status: '进行中' }, result: true },
    ],
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
    syntax: 'IFERROR(value, value_if_error)',
    description: {
      'zh-CN': '值为错误（如 #DIV/0!）时返回第二个参数，否则返回该值。',
      en: 'Returns the second argument when the value is an error (such as #DIV/0!), else the value.',
    },
    examples: [
      { formula: 'IFERROR(actual / target, 0)', data: { actual: 5, target: 0 }, result: 0 },
      { formula: 'IFERROR(10 / 4, 0)', result: 2.5 },
    ],
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
    syntax: 'IFNA(value, value_if_na)',
    description: {
      'zh-CN': '值为 #N/A 时返回第二个参数，否则返回该值。',
      en: 'Returns the second argument when the value is #N/A, else the value.',
    },
    examples: [
      { formula: 'IFNA(XLOOKUP("z", {"a", "b"}, {1, 2}), 0)', result: 0 },
      { formula: 'IFNA(1 / 0, 0)', result: '#DIV/0!' },
    ],
    lazy: ([value, fallback], ctx) => {
      const v = (value as Thunk)(ctx);
      return v instanceof FormulaError && v.code === '#N/A' ? (fallback as Thunk)(ctx) : v;
    },
  },
  isA(
    'ISBLANK',
    (v) => v === null || v === '' || (Array.isArray(v) && v.length === 0),
    '值为空（未填写、空文本或空表格）时返回 TRUE。',
    'TRUE when the value is blank (not filled in, empty text or an empty table).',
    [
      { formula: 'ISBLANK(comment)', data: {}, result: true },
      { formula: 'ISBLANK("x")', result: false },
    ],
  ),
  isA('ISNUMBER', (v) => typeof v === 'number', '值为数字时返回 TRUE。', 'TRUE when the value is a number.', [
    { formula: 'ISNUMBER(3.5)', result: true },
    { formula: 'ISNUMBER("3.5")', result: false },
  ]),
  isA('ISTEXT', (v) => typeof v === 'string', '值为文本时返回 TRUE。', 'TRUE when the value is text.', [
    { formula: 'ISTEXT("目标")', result: true },
    { formula: 'ISTEXT(1)', result: false },
  ]),
  isA('ISDATE', (v) => v instanceof FormulaDate, '值为日期时返回 TRUE。', 'TRUE when the value is a date.', [
    { formula: 'ISDATE(DATE(2026, 1, 1))', result: true },
    { formula: 'ISDATE("hello")', result: false },
  ]),
  isA(
    'ISERROR',
    (v) => v instanceof FormulaError,
    '值为任何错误时返回 TRUE。',
    'TRUE when the value is any error.',
    [
      { formula: 'ISERROR(1 / 0)', result: true },
      { formula: 'ISERROR(1)', result: false },
    ],
  ),
  {
    name: 'BLANK',
    category: 'logic',
    minArgs: 0,
    maxArgs: 0,
    params: [],
    returns: T.blank,
    syntax: 'BLANK()',
    description: { 'zh-CN': '返回空值（同 NULL）。', en: 'Returns blank (same as NULL).' },
    examples: [{ formula: 'IF(FALSE, 1, BLANK())', result: null }],
    call: () => null,
  },
];
