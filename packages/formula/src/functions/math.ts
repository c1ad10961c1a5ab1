import { finite } from '../coerce.ts';
import { T } from '../types.ts';
import { FormulaError, formulaError, type Value } from '../values.ts';
import { integerArg, numberArg } from './args.ts';
import type { FunctionExample, FunctionSpec } from './FunctionSpec.ts';

// Excel rounds the decimal it shows, not the binary double: 2.675 is stored as 2.67499999…, yet
// ROUND(2.675, 2) is 2.68. Cleaning the scaled value to 15 significant digits reproduces that.
function scaled(n: number, digits: number): number {
  return Number.parseFloat((n * 10 ** digits).toPrecision(15));
}

function roundWith(mode: (x: number) => number, n: number, digits: number): number {
  const sign = n < 0 ? -1 : 1;
  return (sign * mode(scaled(Math.abs(n), digits))) / 10 ** digits;
}

// Multiple rounding for CEILING/FLOOR, with the same 15-digit cleaning of the quotient.
function toMultiple(mode: (x: number) => number, n: number, significance: number): number {
  const quotient = Number.parseFloat((n / significance).toPrecision(15));
  return Number.parseFloat((mode(quotient) * significance).toPrecision(15));
}

type Meta = Pick<FunctionSpec, 'syntax' | 'description'> & { examples: readonly FunctionExample[] };

/** A function of numbers: arguments are coerced to numbers, the first error wins, the result must be finite. */
function numeric(
  name: string,
  minArgs: number,
  maxArgs: number,
  fn: (...n: number[]) => Value,
  meta: Meta,
): FunctionSpec {
  return {
    name,
    category: 'math',
    minArgs,
    maxArgs,
    params: ['number'],
    returns: T.number,
    ...meta,
    call: (args) => {
      const numbers: number[] = [];
      for (const arg of args) {
        const n = numberArg(arg);
        if (n instanceof FormulaError) return n;
        numbers.push(n);
      }
      const result = fn(...numbers);
      return typeof result === 'number' ? finite(result) : result;
    },
  };
}

const numError = (name: string, reason: string): FormulaError =>
  formulaError('#NUM!', 'badArgument', { name, reason });

function rounding(
  name: string,
  mode: (x: number) => number,
  zh: string,
  en: string,
  examples: Meta['examples'],
): FunctionSpec {
  return {
    name,
    category: 'math',
    minArgs: 1,
    maxArgs: 2,
    params: ['number', 'number'],
    returns: T.number,
    syntax: `${name}(number, [digits])`,
    description: { 'zh-CN': zh, en },
    examples,
    call: ([value, digitsArg]) => {
      const n = numberArg(value);
      if (n instanceof FormulaError) return n;
      const digits = integerArg(digitsArg ?? 0);
      if (digits instanceof FormulaError) return digits;
      if (Math.abs(digits) > 15) return numError(name, 'digits must be between -15 and 15');
      return finite(roundWith(mode, n, digits));
    },
  };
}

export const mathFunctions: readonly FunctionSpec[] = [
  rounding(
    'ROUND',
    Math.round,
    '四舍五入到指定小数位数（负数表示整数位），与 Excel 一致：ROUND(2.675, 2) = 2.68。',
    'Rounds half away from zero to the given decimal places (negative: to tens, hundreds…), as Excel: ROUND(2.675, 2) = 2.68.',
    [
      { formula: 'ROUND(2.675, 2)', result: 2.68 },
      { formula: 'ROUND(-1.5)', result: -2 },
      { formula: 'ROUND(1234.5, -2)', result: 1200 },
    ],
  ),
  rounding(
    'ROUNDUP',
    Math.ceil,
    '远离零方向舍入到指定小数位数。',
    'Rounds away from zero to the given decimal places.',
    [
      { formula: 'ROUNDUP(3.2, 0)', result: 4 },
      { formula: 'ROUNDUP(-3.14159, 1)', result: -3.2 },
    ],
  ),
  rounding(
    'ROUNDDOWN',
    Math.floor,
    '向零方向舍入（截去）到指定小数位数。',
    'Rounds toward zero (truncates) to the given decimal places.',
    [
      { formula: 'ROUNDDOWN(3.9, 0)', result: 3 },
      { formula: 'ROUNDDOWN(-3.14159, 1)', result: -3.1 },
    ],
  ),
  numeric('ABS', 1, 1, Math.abs, {
    syntax: 'ABS(number)',
    description: { 'zh-CN': '绝对值。', en: 'Absolute value.' },
    examples: [{ formula: 'ABS(-4)', result: 4 }],
  }),
  numeric('INT', 1, 1, Math.floor, {
    syntax: 'INT(number)',
    description: {
      'zh-CN': '向下取整到最接近的整数：INT(-8.9) = -9。',
      en: 'Rounds down to the nearest integer: INT(-8.9) = -9.',
    },
    examples: [
      { formula: 'INT(8.9)', result: 8 },
      { formula: 'INT(-8.9)', result: -9 },
    ],
  }),
  numeric('TRUNC', 1, 2, (n, d = 0) => roundWith(Math.floor, n, Math.trunc(d)), {
    syntax: 'TRUNC(number, [digits])',
    description: { 'zh-CN': '截去小数部分（向零取整）。', en: 'Cuts off the fractional part (toward zero).' },
    examples: [
      { formula: 'TRUNC(-8.9)', result: -8 },
      { formula: 'TRUNC(3.14159, 2)', result: 3.14 },
    ],
  }),
  numeric('SIGN', 1, 1, Math.sign, {
    syntax: 'SIGN(number)',
    description: {
      'zh-CN': '正数返回 1，负数返回 -1，零返回 0。',
      en: '1 for positive, -1 for negative, 0 for zero.',
    },
    examples: [{ formula: 'SIGN(-0.5)', result: -1 }],
  }),
  numeric('MOD', 2, 2, (n, d) => (d === 0 ? formulaError('#DIV/0!', 'divZero') : n - d * Math.floor(n / d)), {
    syntax: 'MOD(number, divisor)',
    description: {
      'zh-CN': '求余数，结果的符号与除数相同（与 Excel 一致）。',
      en: 'Remainder after division; the result has the sign of the divisor (as in Excel).',
    },
    examples: [
      { formula: 'MOD(3, 2)', result: 1 },
      { formula: 'MOD(-3, 2)', result: 1 },
      { formula: 'MOD(3, 0)', result: '#DIV/0!' },
    ],
  }),
  numeric('POWER', 2, 2, (n, p) => (n === 0 && p < 0 ? formulaError('#DIV/0!', 'divZero') : n ** p), {
    syntax: 'POWER(number, power)',
    description: { 'zh-CN': '乘方，同 number ^ power。', en: 'Raises to a power, same as number ^ power.' },
    examples: [
      { formula: 'POWER(5, 2)', result: 25 },
      { formula: 'POWER(4, 0.5)', result: 2 },
    ],
  }),
  numeric('SQRT', 1, 1, (n) => (n < 0 ? numError('SQRT', 'negative number') : Math.sqrt(n)), {
    syntax: 'SQRT(number)',
    description: { 'zh-CN': '平方根；负数返回 #NUM!。', en: 'Square root; #NUM! for negative numbers.' },
    examples: [
      { formula: 'SQRT(16)', result: 4 },
      { formula: 'SQRT(-16)', result: '#NUM!' },
    ],
  }),
  numeric('EXP', 1, 1, Math.exp, {
    syntax: 'EXP(number)',
    description: { 'zh-CN': 'e 的 number 次方。', en: 'e raised to the power of number.' },
    examples: [{ formula: 'ROUND(EXP(2), 3)', result: 7.389 }],
  }),
  numeric('LN', 1, 1, (n) => (n <= 0 ? numError('LN', 'number must be positive') : Math.log(n)), {
    syntax: 'LN(number)',
    description: { 'zh-CN': '自然对数。', en: 'Natural logarithm.' },
    examples: [{ formula: 'ROUND(LN(86), 4)', result: 4.4543 }],
  }),
  numeric(
    'LOG',
    1,
    2,
    (n, base = 10) =>
      n <= 0 || base <= 0 || base === 1
        ? numError('LOG', 'number and base must be positive, base not 1')
        : Math.log(n) / Math.log(base),
    {
      syntax: 'LOG(number, [base])',
      description: {
        'zh-CN': '以 base 为底的对数，默认以 10 为底。',
        en: 'Logarithm to the given base (10 by default).',
      },
      examples: [
        { formula: 'LOG(8, 2)', result: 3 },
        { formula: 'LOG(100)', result: 2 },
      ],
    },
  ),
  numeric('LOG10', 1, 1, (n) => (n <= 0 ? numError('LOG10', 'number must be positive') : Math.log10(n)), {
    syntax: 'LOG10(number)',
    description: { 'zh-CN': '以 10 为底的对数。', en: 'Base-10 logarithm.' },
    examples: [{ formula: 'LOG10(1000)', result: 3 }],
  }),
  numeric('PI', 0, 0, () => Math.PI, {
    syntax: 'PI()',
    description: { 'zh-CN': '圆周率 π。', en: 'The number π.' },
    examples: [{ formula: 'ROUND(PI() * 100, 2)', result: 314.16 }],
  }),
  numeric(
    'CEILING',
    1,
    2,
    (n, sig = 1) =>
      sig === 0 ? 0 : n > 0 && sig < 0 ? numError('CEILING', 'signs differ') : toMultiple(Math.ceil, n, sig),
    {
      syntax: 'CEILING(number, [significance])',
      description: {
        'zh-CN': '向上舍入到 significance 的最接近倍数（默认 1）。',
        en: 'Rounds up to the nearest multiple of significance (1 by default).',
      },
      examples: [
        { formula: 'CEILING(2.5, 1)', result: 3 },
        { formula: 'CEILING(-2.5, 2)', result: -2 },
        { formula: 'CEILING(1.5, 0.1)', result: 1.5 },
      ],
    },
  ),
  numeric(
    'FLOOR',
    1,
    2,
    (n, sig = 1) =>
      sig === 0
        ? formulaError('#DIV/0!', 'divZero')
        : n > 0 && sig < 0
          ? numError('FLOOR', 'signs differ')
          : toMultiple(Math.floor, n, sig),
    {
      syntax: 'FLOOR(number, [significance])',
      description: {
        'zh-CN': '向下舍入到 significance 的最接近倍数（默认 1）。',
        en: 'Rounds down to the nearest multiple of significance (1 by default).',
      },
      examples: [
        { formula: 'FLOOR(3.7, 2)', result: 2 },
        { formula: 'FLOOR(-2.5, -2)', result: -2 },
        { formula: 'FLOOR(2.5, -2)', result: '#NUM!' },
      ],
    },
  ),
  numeric(
    'CLAMP',
    3,
    3,
    (n, lo, hi) => (lo > hi ? numError('CLAMP', 'min is greater than max') : Math.min(Math.max(n, lo), hi)),
    {
      syntax: 'CLAMP(number, min, max)',
      description: {
        'zh-CN': '把数字限制在 min 与 max 之间（非 Excel 函数，常用于封顶得分）。',
        en: 'Limits a number to the range min..max (not an Excel function; handy for capping scores).',
      },
      examples: [
        { formula: 'CLAMP(actual / target, 0, 1.2)', data: { actual: 130, target: 100 }, result: 1.2 },
        { formula: 'CLAMP(-3, 0, 10)', result: 0 },
      ],
    },
  ),
];
