import type { FunctionDocs } from '../FunctionSpec.ts';

/** Documentation of the logic and information functions in ../logic.ts: signature, zh-CN/en description, tested examples. */
export const logicDocs: FunctionDocs = {
  IF: {
    syntax: 'IF(condition, value_if_true, [value_if_false])',
    description: {
      'zh-CN': '条件为真时返回第二个参数，否则返回第三个参数（省略时为 FALSE）。只计算选中的分支。',
      en: 'Returns the second argument when the condition is true, else the third (FALSE when omitted). Only the chosen branch is evaluated.',
    },
    examples: [
      { formula: 'IF(score >= 60, "及格", "不及格")', data: { score: 75 }, result: '及格' },
      { formula: 'IF(1 > 2, "yes")', result: false },
    ],
  },
  IFS: {
    syntax: 'IFS(condition1, value1, [condition2, value2], …)',
    description: {
      'zh-CN': '返回第一个为真的条件对应的值；都不为真时返回 #N/A。',
      en: 'Returns the value of the first true condition; #N/A when none is true.',
    },
    examples: [
      { formula: 'IFS(score >= 90, "A", score >= 75, "B", TRUE, "C")', data: { score: 80 }, result: 'B' },
      { formula: 'IFS(FALSE, 1)', result: '#N/A' },
    ],
  },
  SWITCH: {
    syntax: 'SWITCH(expression, match1, result1, [match2, result2], …, [default])',
    description: {
      'zh-CN': '把表达式依次与各匹配值比较，返回第一个相等者的结果；都不相等时返回默认值（没有则 #N/A）。',
      en: 'Compares the expression with each match and returns the result of the first equal one; else the default (or #N/A).',
    },
    examples: [
      { formula: 'SWITCH(level, 1, "低", 2, "中", 3, "高", "未知")', data: { level: 2 }, result: '中' },
      { formula: 'SWITCH("x", "a", 1)', result: '#N/A' },
    ],
  },
  AND: {
    syntax: 'AND(logical1, [logical2], …)',
    description: {
      'zh-CN': '所有参数都为真时返回 TRUE。也可写作中缀：a AND b。',
      en: 'TRUE when every argument is true. Also written infix: a AND b.',
    },
    examples: [
      { formula: 'AND(TRUE, 1 > 0)', result: true },
      { formula: 'AND({TRUE, FALSE})', result: false },
    ],
  },
  OR: {
    syntax: 'OR(logical1, [logical2], …)',
    description: {
      'zh-CN': '任一参数为真时返回 TRUE。也可写作中缀：a OR b。',
      en: 'TRUE when any argument is true. Also written infix: a OR b.',
    },
    examples: [
      { formula: 'OR(FALSE, 2 > 1)', result: true },
      { formula: 'OR(FALSE, FALSE)', result: false },
    ],
  },
  XOR: {
    syntax: 'XOR(logical1, [logical2], …)',
    description: {
      'zh-CN': '为真的参数个数为奇数时返回 TRUE。',
      en: 'TRUE when an odd number of arguments are true.',
    },
    examples: [
      { formula: 'XOR(TRUE, FALSE)', result: true },
      { formula: 'XOR(TRUE, TRUE)', result: false },
    ],
  },
  NOT: {
    syntax: 'NOT(logical)',
    description: {
      'zh-CN': '取反。也可写作前缀：NOT a。',
      en: 'Negates a logical value. Also written as a prefix: NOT a.',
    },
    examples: [
      { formula: 'NOT(TRUE)', result: false },
      { formula: 'NOT status = "已完成"', data: { status: '进行中' }, result: true },
    ],
  },
  IFERROR: {
    syntax: 'IFERROR(value, value_if_error)',
    description: {
      'zh-CN': '值为错误（如 #DIV/0!）时返回第二个参数，否则返回该值。',
      en: 'Returns the second argument when the value is an error (such as #DIV/0!), else the value.',
    },
    examples: [
      { formula: 'IFERROR(actual / target, 0)', data: { actual: 5, target: 0 }, result: 0 },
      { formula: 'IFERROR(10 / 4, 0)', result: 2.5 },
    ],
  },
  IFNA: {
    syntax: 'IFNA(value, value_if_na)',
    description: {
      'zh-CN': '值为 #N/A 时返回第二个参数，否则返回该值。',
      en: 'Returns the second argument when the value is #N/A, else the value.',
    },
    examples: [
      { formula: 'IFNA(XLOOKUP("z", {"a", "b"}, {1, 2}), 0)', result: 0 },
      { formula: 'IFNA(1 / 0, 0)', result: '#DIV/0!' },
    ],
  },
  ISBLANK: {
    syntax: 'ISBLANK(value)',
    description: {
      'zh-CN': '值为空（未填写、空文本或空表格）时返回 TRUE。',
      en: 'TRUE when the value is blank (not filled in, empty text or an empty table).',
    },
    examples: [
      { formula: 'ISBLANK(comment)', data: {}, result: true },
      { formula: 'ISBLANK("x")', result: false },
    ],
  },
  ISNUMBER: {
    syntax: 'ISNUMBER(value)',
    description: { 'zh-CN': '值为数字时返回 TRUE。', en: 'TRUE when the value is a number.' },
    examples: [
      { formula: 'ISNUMBER(3.5)', result: true },
      { formula: 'ISNUMBER("3.5")', result: false },
    ],
  },
  ISTEXT: {
    syntax: 'ISTEXT(value)',
    description: { 'zh-CN': '值为文本时返回 TRUE。', en: 'TRUE when the value is text.' },
    examples: [
      { formula: 'ISTEXT("目标")', result: true },
      { formula: 'ISTEXT(1)', result: false },
    ],
  },
  ISDATE: {
    syntax: 'ISDATE(value)',
    description: { 'zh-CN': '值为日期时返回 TRUE。', en: 'TRUE when the value is a date.' },
    examples: [
      { formula: 'ISDATE(DATE(2026, 1, 1))', result: true },
      { formula: 'ISDATE("hello")', result: false },
    ],
  },
  ISERROR: {
    syntax: 'ISERROR(value)',
    description: { 'zh-CN': '值为任何错误时返回 TRUE。', en: 'TRUE when the value is any error.' },
    examples: [
      { formula: 'ISERROR(1 / 0)', result: true },
      { formula: 'ISERROR(1)', result: false },
    ],
  },
  BLANK: {
    syntax: 'BLANK()',
    description: { 'zh-CN': '返回空值（同 NULL）。', en: 'Returns blank (same as NULL).' },
    examples: [{ formula: 'IF(FALSE, 1, BLANK())', result: null }],
  },
};
