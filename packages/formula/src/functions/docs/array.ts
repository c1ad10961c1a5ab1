import type { FunctionDocs } from '../FunctionSpec.ts';

const KR = {
  kr: [
    { name: '降本', progress: 0.8 },
    { name: '提效', progress: 0.3 },
    { name: '安全', progress: 0.6 },
  ],
};

/** Documentation of the array functions in ../array.ts: signature, zh-CN/en description, tested examples. */
export const arrayDocs: FunctionDocs = {
  FILTER: {
    syntax: 'FILTER(values, include, [if_empty])',
    description: {
      'zh-CN':
        '返回 include 中对应项为 TRUE 的那些项；两者长度须相同。没有符合的项时返回 if_empty，省略时为 #N/A。',
      en: 'Returns the items whose matching include item is TRUE; both must have the same length. When none qualifies, returns if_empty, or #N/A when it is omitted.',
    },
    examples: [
      { formula: 'FILTER(kr[].name, kr[].progress >= 0.5)', data: KR, result: ['降本', '安全'] },
      { formula: 'FILTER({1, 2, 3}, {1, 2, 3} > 5, "无")', result: '无' },
      { formula: 'FILTER({1, 2, 3}, {TRUE, FALSE})', result: '#VALUE!' },
    ],
  },
  UNIQUE: {
    syntax: 'UNIQUE(values)',
    description: {
      'zh-CN': '去掉重复项，按首次出现的顺序返回各不相同的值。文本比较不区分大小写。',
      en: 'Removes repeats, returning each distinct value in order of first appearance. Text is compared ignoring case.',
    },
    examples: [
      { formula: 'UNIQUE({"华东", "华南", "华东"})', result: ['华东', '华南'] },
      { formula: 'UNIQUE({3, 1, 3, 2, 1})', result: [3, 1, 2] },
    ],
  },
  COUNTUNIQUE: {
    syntax: 'COUNTUNIQUE(value1, [value2], …)',
    description: {
      'zh-CN':
        '统计各不相同的非空值的个数，文本不区分大小写。（Excel 没有此函数，相当于 COUNTA(UNIQUE(…))。）',
      en: 'Counts the distinct values that are not blank, ignoring case in text. (Not an Excel function; like COUNTA(UNIQUE(…)).)',
    },
    examples: [
      { formula: 'COUNTUNIQUE({"华东", "华南", "华东", ""})', result: 2 },
      { formula: 'COUNTUNIQUE(kr[].owner)', data: { kr: [{ owner: 'li' }, { owner: 'Li' }, {}] }, result: 1 },
    ],
  },
  SORT: {
    syntax: 'SORT(values, [order])',
    description: {
      'zh-CN':
        '排序：order 为 1（默认）升序，-1 降序。文本不区分大小写，空值总排在最后。也可按 Excel 写作 SORT(values, 1, -1)。',
      en: 'Sorts the values: order 1 (the default) ascending, -1 descending. Text ignores case; blanks always go last. The Excel form SORT(values, 1, -1) also works.',
    },
    examples: [
      { formula: 'SORT({3, 1, 2})', result: [1, 2, 3] },
      { formula: 'SORT(kr[].progress, -1)', data: KR, result: [0.8, 0.6, 0.3] },
      { formula: 'SORT({"b", "A", "c"}, 1, -1)', result: ['c', 'b', 'A'] },
    ],
  },
  SORTBY: {
    syntax: 'SORTBY(values, by1, [order1], [by2, order2], …)',
    description: {
      'zh-CN':
        '按另一个（或几个）同样长度的数组排序 values，如按进度排列名称。order 为 1（默认）升序，-1 降序；前一个键相同时看下一个。',
      en: 'Sorts the values by one or more other arrays of the same length, such as names by progress. Order 1 (the default) is ascending, -1 descending; ties go to the next key.',
    },
    examples: [
      { formula: 'SORTBY(kr[].name, kr[].progress, -1)', data: KR, result: ['降本', '安全', '提效'] },
      { formula: 'SORTBY({"a", "b", "c"}, {2, 1, 2}, 1, {"x", "y", "z"}, -1)', result: ['b', 'c', 'a'] },
    ],
  },
  TAKE: {
    syntax: 'TAKE(values, count)',
    description: {
      'zh-CN': '取数组开头的 count 项；count 为负数时取末尾的项。',
      en: 'Returns the first count items of the array; a negative count takes them from the end.',
    },
    examples: [
      { formula: 'TAKE(SORT(kr[].progress, -1), 2)', data: KR, result: [0.8, 0.6] },
      { formula: 'TAKE({1, 2, 3, 4}, -1)', result: [4] },
    ],
  },
  DROP: {
    syntax: 'DROP(values, count)',
    description: {
      'zh-CN': '去掉数组开头的 count 项；count 为负数时去掉末尾的项。',
      en: 'Removes the first count items of the array; a negative count removes them from the end.',
    },
    examples: [
      { formula: 'DROP({1, 2, 3, 4}, 1)', result: [2, 3, 4] },
      { formula: 'DROP({1, 2, 3, 4}, -2)', result: [1, 2] },
    ],
  },
  FIRST: {
    syntax: 'FIRST(values)',
    description: {
      'zh-CN': '返回数组的第一项；数组为空时返回空值。（Excel 没有此函数。）',
      en: 'Returns the first item of the array; blank when it is empty. (Not an Excel function.)',
    },
    examples: [
      { formula: 'FIRST(kr[].name)', data: KR, result: '降本' },
      { formula: 'FIRST(kr[].name)', data: { kr: [] }, result: null },
    ],
  },
  LAST: {
    syntax: 'LAST(values)',
    description: {
      'zh-CN': '返回数组的最后一项；数组为空时返回空值。（Excel 没有此函数。）',
      en: 'Returns the last item of the array; blank when it is empty. (Not an Excel function.)',
    },
    examples: [
      { formula: 'LAST(kr[].name)', data: KR, result: '安全' },
      { formula: 'LAST({1, 2, 3})', result: 3 },
    ],
  },
  SEQUENCE: {
    syntax: 'SEQUENCE(rows, [columns], [start], [step])',
    description: {
      'zh-CN':
        '生成 rows × columns 个数字的数组（逐行展开为一列），从 start 开始，每次增加 step（都默认为 1）。',
      en: 'Makes an array of rows × columns numbers (row by row, as one list) from start, going up by step (both default to 1).',
    },
    examples: [
      { formula: 'SEQUENCE(4)', result: [1, 2, 3, 4] },
      { formula: 'SEQUENCE(3, 1, 10, 5)', result: [10, 15, 20] },
      { formula: 'SEQUENCE(2, 2, 0, -1)', result: [0, -1, -2, -3] },
    ],
  },
};
