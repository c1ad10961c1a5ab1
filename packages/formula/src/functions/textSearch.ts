import { tick } from '../context.ts';
import { arrayOf, T } from '../types.ts';
import { boundedText, FormulaError, formulaError, MAX_TEXT_LENGTH, type Value } from '../values.ts';
import { booleanArg, integerArg, textArg } from './args.ts';
import type { FunctionSpec } from './FunctionSpec.ts';
import { foldedChars, parseWildcard, wildcardSearch } from './wildcard.ts';

// Text functions that look for one text inside another. Positions count code points (see text.ts).

const badArgument = (name: string, reason: string): FormulaError =>
  formulaError('#VALUE!', 'badArgument', { name, reason });

/** Length in characters (code points), as LEN counts. */
export function codePointCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * FIND and SEARCH: reads (find_text, within_text, [start]) and returns the 1-based position that
 * `locate` finds from the 0-based code point `from`, or #VALUE! when there is none.
 */
function position(
  name: string,
  args: readonly Value[],
  locate: (within: string, chars: readonly string[], find: string, from: number) => number,
): Value {
  const find = textArg(args[0]);
  if (find instanceof FormulaError) return find;
  const within = textArg(args[1]);
  if (within instanceof FormulaError) return within;
  const start = args[2] === undefined ? 1 : integerArg(args[2]);
  if (start instanceof FormulaError) return start;
  const chars = Array.from(within);
  if (start < 1 || start > chars.length) return badArgument(name, 'start ∉ 1–LEN(within_text)');
  const at = locate(within, chars, find, start - 1);
  return at < 0 ? formulaError('#VALUE!', 'notFound', { name }) : at + 1;
}

// CONTAINS, STARTSWITH, ENDSWITH: (text, part) → boolean, ignoring case like the = operator.
const textTest = (
  name: string,
  description: FunctionSpec['description'],
  examples: FunctionSpec['examples'],
  test: (text: string, part: string) => boolean,
): FunctionSpec => ({
  name,
  category: 'text',
  minArgs: 2,
  maxArgs: 2,
  params: ['string', 'string'],
  returns: T.boolean,
  syntax: `${name}(text, part)`,
  description,
  examples,
  call: ([a, b]) => {
    const text = textArg(a);
    if (text instanceof FormulaError) return text;
    const part = textArg(b);
    return part instanceof FormulaError ? part : test(text.toLowerCase(), part.toLowerCase());
  },
});

export const textSearchFunctions: readonly FunctionSpec[] = [
  {
    name: 'FIND',
    category: 'text',
    minArgs: 2,
    maxArgs: 3,
    params: ['string', 'string', 'number'],
    returns: T.number,
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
    call: (args) =>
      position('FIND', args, (within, chars, find, from) => {
        const at = within.indexOf(find, chars.slice(0, from).join('').length);
        return at < 0 ? -1 : codePointCount(within.slice(0, at));
      }),
  },
  {
    name: 'SEARCH',
    category: 'text',
    minArgs: 2,
    maxArgs: 3,
    params: ['string', 'string', 'number'],
    returns: T.number,
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
    call: (args, ctx) =>
      position('SEARCH', args, (within, _chars, find, from) =>
        wildcardSearch(foldedChars(within), parseWildcard(find), from, ctx),
      ),
  },
  {
    name: 'SUBSTITUTE',
    category: 'text',
    minArgs: 3,
    maxArgs: 4,
    params: ['string', 'string', 'string', 'number'],
    returns: T.string,
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
    call: ([t, o, n, instanceValue]) => {
      const text = textArg(t);
      if (text instanceof FormulaError) return text;
      const old = textArg(o);
      if (old instanceof FormulaError) return old;
      const replacement = textArg(n);
      if (replacement instanceof FormulaError) return replacement;
      if (instanceValue === undefined) {
        if (old === '') return text;
        const parts = text.split(old);
        const length = text.length + (parts.length - 1) * (replacement.length - old.length);
        return length > MAX_TEXT_LENGTH
          ? formulaError('#VALUE!', 'textTooLong', { max: MAX_TEXT_LENGTH })
          : parts.join(replacement);
      }
      const instance = integerArg(instanceValue);
      if (instance instanceof FormulaError) return instance;
      if (instance < 1) return badArgument('SUBSTITUTE', 'instance < 1');
      if (old === '') return text;
      let at = text.indexOf(old);
      for (let seen = 1; seen < instance && at >= 0; seen++) at = text.indexOf(old, at + old.length);
      if (at < 0) return text;
      return boundedText(text.slice(0, at) + replacement + text.slice(at + old.length));
    },
  },
  {
    name: 'REPLACE',
    category: 'text',
    minArgs: 4,
    maxArgs: 4,
    params: ['string', 'number', 'number', 'string'],
    returns: T.string,
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
    call: ([t, startValue, countValue, n]) => {
      const text = textArg(t);
      if (text instanceof FormulaError) return text;
      const start = integerArg(startValue);
      if (start instanceof FormulaError) return start;
      const count = integerArg(countValue);
      if (count instanceof FormulaError) return count;
      const replacement = textArg(n);
      if (replacement instanceof FormulaError) return replacement;
      if (start < 1) return badArgument('REPLACE', 'start < 1');
      if (count < 0) return badArgument('REPLACE', 'count < 0');
      const chars = Array.from(text);
      const before = chars.slice(0, start - 1).join('');
      return boundedText(before + replacement + chars.slice(start - 1 + count).join(''));
    },
  },
  textTest(
    'CONTAINS',
    {
      'zh-CN': 'text 中含有 part 时返回 TRUE，不区分大小写。（Excel 没有此函数。）',
      en: 'TRUE when the text contains part, ignoring case. (Not an Excel function.)',
    },
    [
      { formula: 'CONTAINS("华东区-上海", "上海")', result: true },
      { formula: 'CONTAINS("Model X200", "x2")', result: true },
      { formula: 'CONTAINS("ABC", "d")', result: false },
    ],
    (text, part) => text.includes(part),
  ),
  textTest(
    'STARTSWITH',
    {
      'zh-CN': 'text 以 part 开头时返回 TRUE，不区分大小写。（Excel 没有此函数。）',
      en: 'TRUE when the text starts with part, ignoring case. (Not an Excel function.)',
    },
    [
      { formula: 'STARTSWITH("SN-2026-0042", "sn-")', result: true },
      { formula: 'STARTSWITH("华东区", "华南")', result: false },
    ],
    (text, part) => text.startsWith(part),
  ),
  textTest(
    'ENDSWITH',
    {
      'zh-CN': 'text 以 part 结尾时返回 TRUE，不区分大小写。（Excel 没有此函数。）',
      en: 'TRUE when the text ends with part, ignoring case. (Not an Excel function.)',
    },
    [
      { formula: 'ENDSWITH("report.PDF", ".pdf")', result: true },
      { formula: 'ENDSWITH("上海分公司", "分公司")', result: true },
    ],
    (text, part) => text.endsWith(part),
  ),
  {
    name: 'SPLIT',
    category: 'text',
    minArgs: 2,
    maxArgs: 3,
    params: ['string', 'string', 'boolean'],
    returns: arrayOf(T.string),
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
    call: ([t, d, ignoreEmpty], ctx) => {
      const text = textArg(t);
      if (text instanceof FormulaError) return text;
      const delimiter = textArg(d);
      if (delimiter instanceof FormulaError) return delimiter;
      const skip = ignoreEmpty === undefined ? false : booleanArg(ignoreEmpty);
      if (skip instanceof FormulaError) return skip;
      if (text === '') return [];
      const parts = delimiter === '' ? Array.from(text) : text.split(delimiter);
      tick(ctx, parts.length);
      return skip ? parts.filter((p) => p !== '') : parts;
    },
  },
];
