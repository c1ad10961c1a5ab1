import type { FunctionDocs } from '../FunctionSpec.ts';

/** Documentation of the math functions in ../math.ts: signature, zh-CN/en description, tested examples. */
export const mathDocs: FunctionDocs = {
  ROUND: {
    syntax: 'ROUND(number, [digits])',
    description: {
      'zh-CN': '四舍五入到指定小数位数（负数表示整数位），与 Excel 一致：ROUND(2.675, 2) = 2.68。',
      en: 'Rounds half away from zero to the given decimal places (negative: to tens, hundreds…), as Excel: ROUND(2.675, 2) = 2.68.',
    },
    examples: [
      { formula: 'ROUND(2.675, 2)', result: 2.68 },
      { formula: 'ROUND(-1.5)', result: -2 },
      { formula: 'ROUND(1234.5, -2)', result: 1200 },
    ],
  },
  ROUNDUP: {
    syntax: 'ROUNDUP(number, [digits])',
    description: {
      'zh-CN': '远离零方向舍入到指定小数位数。',
      en: 'Rounds away from zero to the given decimal places.',
    },
    examples: [
      { formula: 'ROUNDUP(3.2, 0)', result: 4 },
      { formula: 'ROUNDUP(-3.14159, 1)', result: -3.2 },
    ],
  },
  ROUNDDOWN: {
    syntax: 'ROUNDDOWN(number, [digits])',
    description: {
      'zh-CN': '向零方向舍入（截去）到指定小数位数。',
      en: 'Rounds toward zero (truncates) to the given decimal places.',
    },
    examples: [
      { formula: 'ROUNDDOWN(3.9, 0)', result: 3 },
      { formula: 'ROUNDDOWN(-3.14159, 1)', result: -3.1 },
    ],
  },
  ABS: {
    syntax: 'ABS(number)',
    description: { 'zh-CN': '绝对值。', en: 'Absolute value.' },
    examples: [{ formula: 'ABS(-4)', result: 4 }],
  },
  INT: {
    syntax: 'INT(number)',
    description: {
      'zh-CN': '向下取整到最接近的整数：INT(-8.9) = -9。',
      en: 'Rounds down to the nearest integer: INT(-8.9) = -9.',
    },
    examples: [
      { formula: 'INT(8.9)', result: 8 },
      { formula: 'INT(-8.9)', result: -9 },
    ],
  },
  TRUNC: {
    syntax: 'TRUNC(number, [digits])',
    description: { 'zh-CN': '截去小数部分（向零取整）。', en: 'Cuts off the fractional part (toward zero).' },
    examples: [
      { formula: 'TRUNC(-8.9)', result: -8 },
      { formula: 'TRUNC(3.14159, 2)', result: 3.14 },
    ],
  },
  SIGN: {
    syntax: 'SIGN(number)',
    description: {
      'zh-CN': '正数返回 1，负数返回 -1，零返回 0。',
      en: '1 for positive, -1 for negative, 0 for zero.',
    },
    examples: [{ formula: 'SIGN(-0.5)', result: -1 }],
  },
  MOD: {
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
  },
  POWER: {
    syntax: 'POWER(number, power)',
    description: { 'zh-CN': '乘方，同 number ^ power。', en: 'Raises to a power, same as number ^ power.' },
    examples: [
      { formula: 'POWER(5, 2)', result: 25 },
      { formula: 'POWER(4, 0.5)', result: 2 },
    ],
  },
  SQRT: {
    syntax: 'SQRT(number)',
    description: { 'zh-CN': '平方根；负数返回 #NUM!。', en: 'Square root; #NUM! for negative numbers.' },
    examples: [
      { formula: 'SQRT(16)', result: 4 },
      { formula: 'SQRT(-16)', result: '#NUM!' },
    ],
  },
  EXP: {
    syntax: 'EXP(number)',
    description: { 'zh-CN': 'e 的 number 次方。', en: 'e raised to the power of number.' },
    examples: [{ formula: 'ROUND(EXP(2), 3)', result: 7.389 }],
  },
  LN: {
    syntax: 'LN(number)',
    description: { 'zh-CN': '自然对数。', en: 'Natural logarithm.' },
    examples: [{ formula: 'ROUND(LN(86), 4)', result: 4.4543 }],
  },
  LOG: {
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
  LOG10: {
    syntax: 'LOG10(number)',
    description: { 'zh-CN': '以 10 为底的对数。', en: 'Base-10 logarithm.' },
    examples: [{ formula: 'LOG10(1000)', result: 3 }],
  },
  PI: {
    syntax: 'PI()',
    description: { 'zh-CN': '圆周率 π。', en: 'The number π.' },
    examples: [{ formula: 'ROUND(PI() * 100, 2)', result: 314.16 }],
  },
  CEILING: {
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
  FLOOR: {
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
  CLAMP: {
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
};
