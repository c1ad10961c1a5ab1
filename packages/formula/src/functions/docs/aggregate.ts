import type { FunctionDocs } from '../FunctionSpec.ts';

/** Documentation of the aggregate functions in ../aggregate.ts: signature, zh-CN/en description, tested examples. */
export const aggregateDocs: FunctionDocs = {
  SUM: {
    syntax: 'SUM(number1, [number2], …)',
    description: {
      'zh-CN': '求和。数组（如 keyResults[].weight）中的文本和空值被忽略。',
      en: 'Adds numbers. Text and blanks inside arrays (such as keyResults[].weight) are ignored.',
    },
    examples: [
      { formula: 'SUM(1, 2, 3)', result: 6 },
      { formula: 'SUM(kr[].weight)', data: { kr: [{ weight: 0.4 }, { weight: 0.6 }] }, result: 1 },
      { formula: 'SUM({1, "x", 2})', result: 3 },
    ],
  },
  AVERAGE: {
    syntax: 'AVERAGE(number1, [number2], …)',
    description: {
      'zh-CN': '算术平均值；没有数字时返回 #DIV/0!。',
      en: 'Arithmetic mean; #DIV/0! when there are no numbers.',
    },
    examples: [
      { formula: 'AVERAGE(10, 7, 9, 27, 2)', result: 11 },
      { formula: 'AVERAGE(scores)', data: { scores: [] }, result: '#DIV/0!' },
    ],
  },
  MIN: {
    syntax: 'MIN(number1, [number2], …)',
    description: {
      'zh-CN': '最小值；没有数字时返回 0（与 Excel 一致）。',
      en: 'Smallest number; 0 when there are none (as in Excel).',
    },
    examples: [
      { formula: 'MIN(actual / target, 1.2)', data: { actual: 90, target: 100 }, result: 0.9 },
      { formula: 'MIN({10, 7, 9})', result: 7 },
    ],
  },
  MAX: {
    syntax: 'MAX(number1, [number2], …)',
    description: {
      'zh-CN': '最大值；没有数字时返回 0（与 Excel 一致）。',
      en: 'Largest number; 0 when there are none (as in Excel).',
    },
    examples: [
      { formula: 'MAX(10, 7, 9, 27, 2)', result: 27 },
      { formula: 'MAX(0, score - 60)', data: { score: 55 }, result: 0 },
    ],
  },
  PRODUCT: {
    syntax: 'PRODUCT(number1, [number2], …)',
    description: { 'zh-CN': '连乘积。', en: 'Multiplies all numbers.' },
    examples: [{ formula: 'PRODUCT(5, 15, 30)', result: 2250 }],
  },
  MEDIAN: {
    syntax: 'MEDIAN(number1, [number2], …)',
    description: { 'zh-CN': '中位数。', en: 'The middle number.' },
    examples: [
      { formula: 'MEDIAN(1, 2, 3, 4, 5)', result: 3 },
      { formula: 'MEDIAN({1, 2, 3, 4, 5, 6})', result: 3.5 },
    ],
  },
  STDEV: {
    syntax: 'STDEV(number1, [number2], …)',
    description: {
      'zh-CN': '样本标准差（同 Excel 的 STDEV.S）。',
      en: 'Sample standard deviation (Excel STDEV.S).',
    },
    examples: [
      {
        formula: 'ROUND(STDEV({1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299}), 2)',
        result: 27.46,
      },
    ],
  },
  STDEVP: {
    syntax: 'STDEVP(number1, [number2], …)',
    description: {
      'zh-CN': '总体标准差（同 Excel 的 STDEV.P）。',
      en: 'Population standard deviation (Excel STDEV.P).',
    },
    examples: [
      {
        formula: 'ROUND(STDEVP({1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299}), 2)',
        result: 26.05,
      },
    ],
  },
  COUNT: {
    syntax: 'COUNT(value1, [value2], …)',
    description: { 'zh-CN': '统计数字的个数。', en: 'Counts the numbers.' },
    examples: [
      { formula: 'COUNT({1, "a", TRUE, 4})', result: 2 },
      { formula: 'COUNT(kr[].progress)', data: { kr: [{ progress: 0.5 }, {}] }, result: 1 },
    ],
  },
  COUNTA: {
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
  },
  COUNTBLANK: {
    syntax: 'COUNTBLANK(value1, [value2], …)',
    description: {
      'zh-CN': '统计空值（含空文本）的个数。',
      en: 'Counts blank values (empty text included).',
    },
    examples: [
      { formula: 'COUNTBLANK(kr[].owner)', data: { kr: [{ owner: '张三' }, {}, { owner: '' }] }, result: 2 },
    ],
  },
  SUMPRODUCT: {
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
  },
  RANK: {
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
  },
};
