import type { FunctionDocs } from '../FunctionSpec.ts';

/** Documentation of the lookup functions in ../lookup.ts: signature, zh-CN/en description, tested examples. */
export const lookupDocs: FunctionDocs = {
  INDEX: {
    syntax: 'INDEX(array, position)',
    description: {
      'zh-CN': '返回数组中第 position 项（从 1 开始）；超出范围时返回 #REF!。',
      en: 'Returns item number position of the array (the first is 1); #REF! when out of range.',
    },
    examples: [
      { formula: 'INDEX({"低", "中", "高"}, 2)', result: '中' },
      { formula: 'INDEX(kr[].name, 1)', data: { kr: [{ name: '降本' }, { name: '提效' }] }, result: '降本' },
      { formula: 'INDEX({1, 2}, 3)', result: '#REF!' },
    ],
  },
  MATCH: {
    syntax: 'MATCH(value, array, [match_type])',
    description: {
      'zh-CN':
        '返回值在数组中的位置（从 1 开始），找不到时返回 #N/A。match_type 为 0 时精确匹配（文本不区分大小写，支持 ? 和 * 通配符）；为 1（默认）时数组须升序，找不大于该值的最大项；为 -1 时数组须降序，找不小于该值的最小项。',
      en: 'Returns the position (from 1) of the value in the array; #N/A when absent. match_type 0 finds an equal item (text ignores case; ? and * are wildcards); 1 (the default) expects ascending data and finds the largest item not above the value; -1 expects descending data and finds the smallest item not below it.',
    },
    examples: [
      { formula: 'MATCH(39, {25, 38, 40, 41}, 1)', result: 2 },
      { formula: 'MATCH(41, {25, 38, 40, 41}, 0)', result: 4 },
      {
        formula: 'MATCH("提*", kr[].name, 0)',
        data: { kr: [{ name: '降本' }, { name: '提效' }] },
        result: 2,
      },
    ],
  },
  XLOOKUP: {
    syntax: 'XLOOKUP(value, lookup_array, return_array, [if_not_found], [match_mode], [search_mode])',
    description: {
      'zh-CN':
        '在 lookup_array 中查找值，返回 return_array 中同一位置的项；找不到时返回 if_not_found（省略时为 #N/A）。match_mode：0 精确（默认），-1 精确或下一个较小项，1 精确或下一个较大项，2 通配符。search_mode：1 从头查找（默认），-1 从尾查找。',
      en: 'Finds the value in lookup_array and returns the item at the same position of return_array; if_not_found (#N/A when omitted) when absent. match_mode: 0 exact (default), -1 exact or next smaller, 1 exact or next larger, 2 wildcards. search_mode: 1 first to last (default), -1 last to first.',
    },
    examples: [
      {
        formula: 'XLOOKUP("B02", parts[].code, parts[].name, "未找到")',
        data: {
          parts: [
            { code: 'A01', name: '轴承' },
            { code: 'B02', name: '齿轮' },
          ],
        },
        result: '齿轮',
      },
      { formula: 'XLOOKUP(46523, {0, 37000, 46000, 90000}, {0.1, 0.22, 0.24, 0.32}, 0, -1)', result: 0.24 },
      { formula: 'XLOOKUP("z", {"a", "b"}, {1, 2})', result: '#N/A' },
    ],
  },
  LOOKUP: {
    syntax: 'LOOKUP(value, lookup_array, [result_array])',
    description: {
      'zh-CN':
        '在升序排列的 lookup_array 中找不大于该值的最大项，返回 result_array（省略时为 lookup_array）中同一位置的项。常用于分档；精确查找请用 XLOOKUP。',
      en: 'Finds the largest item not above the value in the ascending lookup_array and returns the item at the same position of result_array (or lookup_array). Handy for bands; use XLOOKUP for exact lookups.',
    },
    examples: [
      { formula: 'LOOKUP(85, {0, 60, 80, 90}, {"D", "C", "B", "A"})', result: 'B' },
      { formula: 'LOOKUP(5.75, {4.14, 4.19, 5.17, 5.77, 6.39})', result: 5.17 },
      { formula: 'LOOKUP(0, {1, 2}, {"a", "b"})', result: '#N/A' },
    ],
  },
};
