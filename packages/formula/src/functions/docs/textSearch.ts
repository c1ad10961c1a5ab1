import type { FunctionDocs } from '../FunctionSpec.ts';

/** Documentation of the text search functions in ../textSearch.ts: signature, zh-CN/en description, tested examples. */
export const textSearchDocs: FunctionDocs = {
  FIND: {
    syntax: 'FIND(find_text, within_text, [start])',
    description: {
      'zh-CN':
        '返回 find_text 在 within_text 中第一次出现的位置（从 1 开始，区分大小写）；找不到时返回 #VALUE!。',
      en: 'Returns the position (from 1) where find_text first appears in within_text, case-sensitively; #VALUE! when absent.',
    },
    examples: [
      { formula: 'FIND("m", "Miriam McGovern")', result: 6 },
      { formula: 'FIND("M", "Miriam McGovern", 3)', result: 8 },
      { formula: 'FIND("区", "华东区-上海")', result: 3 },
    ],
  },
  SEARCH: {
    syntax: 'SEARCH(find_text, within_text, [start])',
    description: {
      'zh-CN':
        '同 FIND，但不区分大小写，并支持通配符：? 匹配任意一个字符，* 匹配任意多个字符，~ 用于查找 ? * ~ 本身。',
      en: 'Like FIND, but ignores case and accepts wildcards: ? matches any one character, * any run of characters, and ~ finds a literal ?, * or ~.',
    },
    examples: [
      { formula: 'SEARCH("e", "Statements", 6)', result: 7 },
      { formula: 'SEARCH("margin", "Profit Margin")', result: 8 },
      { formula: 'SEARCH("m?r", "Profit Margin")', result: 8 },
    ],
  },
  SUBSTITUTE: {
    syntax: 'SUBSTITUTE(text, old_text, new_text, [instance])',
    description: {
      'zh-CN':
        '把文本中的 old_text 替换为 new_text（区分大小写）；给出 instance 时只替换第几次出现的那一处。',
      en: 'Replaces old_text with new_text in the text, case-sensitively; with instance, only that occurrence is replaced.',
    },
    examples: [
      { formula: 'SUBSTITUTE("Sales Data", "Sales", "Cost")', result: 'Cost Data' },
      { formula: 'SUBSTITUTE("Quarter 1, 2011", "1", "2", 3)', result: 'Quarter 1, 2012' },
      { formula: 'SUBSTITUTE("2026/11/27", "/", "-")', result: '2026-11-27' },
    ],
  },
  REPLACE: {
    syntax: 'REPLACE(text, start, count, new_text)',
    description: {
      'zh-CN': '把文本从第 start 个字符起的 count 个字符换成 new_text。',
      en: 'Replaces count characters of the text, starting at character number start, with new_text.',
    },
    examples: [
      { formula: 'REPLACE("abcdefghijk", 6, 5, "*")', result: 'abcde*k' },
      { formula: 'REPLACE("2009", 3, 2, "10")', result: '2010' },
      { formula: 'REPLACE("13812345678", 4, 4, "****")', result: '138****5678' },
    ],
  },
  CONTAINS: {
    syntax: 'CONTAINS(text, part)',
    description: {
      'zh-CN': 'text 中含有 part 时返回 TRUE，不区分大小写。（Excel 没有此函数。）',
      en: 'TRUE when the text contains part, ignoring case. (Not an Excel function.)',
    },
    examples: [
      { formula: 'CONTAINS("华东区-上海", "上海")', result: true },
      { formula: 'CONTAINS("Model X200", "x2")', result: true },
      { formula: 'CONTAINS("ABC", "d")', result: false },
    ],
  },
  STARTSWITH: {
    syntax: 'STARTSWITH(text, part)',
    description: {
      'zh-CN': 'text 以 part 开头时返回 TRUE，不区分大小写。（Excel 没有此函数。）',
      en: 'TRUE when the text starts with part, ignoring case. (Not an Excel function.)',
    },
    examples: [
      { formula: 'STARTSWITH("SN-2026-0042", "sn-")', result: true },
      { formula: 'STARTSWITH("华东区", "华南")', result: false },
    ],
  },
  ENDSWITH: {
    syntax: 'ENDSWITH(text, part)',
    description: {
      'zh-CN': 'text 以 part 结尾时返回 TRUE，不区分大小写。（Excel 没有此函数。）',
      en: 'TRUE when the text ends with part, ignoring case. (Not an Excel function.)',
    },
    examples: [
      { formula: 'ENDSWITH("report.PDF", ".pdf")', result: true },
      { formula: 'ENDSWITH("上海分公司", "分公司")', result: true },
    ],
  },
  SPLIT: {
    syntax: 'SPLIT(text, delimiter, [ignore_empty])',
    description: {
      'zh-CN':
        '在每个分隔符处把文本拆成数组；分隔符为空时拆成单个字符，ignore_empty 为 TRUE 时去掉空片段。（Excel 没有此函数，类似 TEXTSPLIT。）',
      en: 'Splits the text into an array at each delimiter; an empty delimiter splits it into characters, and ignore_empty TRUE drops empty pieces. (Not an Excel function; like TEXTSPLIT.)',
    },
    examples: [
      { formula: 'SPLIT("a,b,,c", ",")', result: ['a', 'b', '', 'c'] },
      { formula: 'SPLIT("质量、成本、交期", "、")', result: ['质量', '成本', '交期'] },
      { formula: 'SPLIT("a,b,,c", ",", TRUE)', result: ['a', 'b', 'c'] },
    ],
  },
};
