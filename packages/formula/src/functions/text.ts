import { toText } from '../coerce.ts';
import type { EvalContext } from '../context.ts';
import { T } from '../types.ts';
import { boundedText, FormulaError, formulaError, MAX_TEXT_LENGTH, type Value } from '../values.ts';
import { booleanArg, integerArg, listArg, textArg } from './args.ts';
import type { FunctionSpec } from './FunctionSpec.ts';
import { textConvertFunctions } from './textConvert.ts';
import { codePointCount, textSearchFunctions } from './textSearch.ts';

// Character counts and positions are in code points, not UTF-16 units as in Excel, so that an emoji
// counts as one character; Chinese characters count as one either way.

const badArgument = (name: string, reason: string): FormulaError =>
  formulaError('#VALUE!', 'badArgument', { name, reason });

const tooLong = (): FormulaError => formulaError('#VALUE!', 'textTooLong', { max: MAX_TEXT_LENGTH });

/** Joins texts, checking the length first so that a huge result is never built. */
function joinBounded(parts: readonly string[], delimiter: string): string | FormulaError {
  let length = delimiter.length * Math.max(0, parts.length - 1);
  for (const part of parts) length += part.length;
  return length > MAX_TEXT_LENGTH ? tooLong() : parts.join(delimiter);
}

/** The texts of every item of every argument (arrays flattened); the first error instead, if any. */
function textsOf(args: readonly Value[], ctx: EvalContext, skipEmpty: boolean): string[] | FormulaError {
  const out: string[] = [];
  for (const arg of args) {
    for (const item of listArg(arg, ctx)) {
      const text = toText(item);
      if (text instanceof FormulaError) return text;
      if (!skipEmpty || text !== '') out.push(text);
    }
  }
  return out;
}

/** The optional character count of LEFT and RIGHT: 1 when omitted, never negative. */
function countArg(name: string, v: Value | undefined): number | FormulaError {
  if (v === undefined) return 1;
  const n = integerArg(v);
  if (n instanceof FormulaError) return n;
  return n < 0 ? badArgument(name, 'count < 0') : n;
}

const LETTER = /\p{L}/u;

// Excel's TRIM removes spaces (U+0020) only; we also treat the full-width space U+3000 typed by
// Chinese input methods as a space. Inner runs keep their first space. The ends are found by hand:
// a /\s+$/-style pattern would take quadratic time on a long run of inner spaces.
function trimSpaces(s: string): string {
  const isSpace = (i: number): boolean => s[i] === ' ' || s[i] === '\u3000';
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(start)) start++;
  while (end > start && isSpace(end - 1)) end--;
  return s.slice(start, end).replace(/([ \u3000])[ \u3000]+/g, '$1');
}

// One text argument in, one value out: LEN, UPPER, LOWER, PROPER, TRIM.
const oneText = (
  name: string,
  returns: FunctionSpec['returns'],
  description: FunctionSpec['description'],
  examples: FunctionSpec['examples'],
  fn: (s: string) => Value,
): FunctionSpec => ({
  name,
  category: 'text',
  minArgs: 1,
  maxArgs: 1,
  params: ['string'],
  returns,
  syntax: `${name}(text)`,
  description,
  examples,
  call: ([v]) => {
    const s = textArg(v);
    return s instanceof FormulaError ? s : fn(s);
  },
});

const basicTextFunctions: readonly FunctionSpec[] = [
  {
    name: 'CONCAT',
    category: 'text',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['values'],
    returns: T.string,
    syntax: 'CONCAT(text1, [text2], …)',
    description: {
      'zh-CN': '把所有参数首尾相连成一段文本；表格列等数组会逐项连接。',
      en: 'Joins all arguments into one text; arrays such as a table column are joined item by item.',
    },
    examples: [
      { formula: 'CONCAT("产线", 3, "号")', result: '产线3号' },
      { formula: 'CONCAT(kr[].name)', data: { kr: [{ name: 'A' }, { name: 'B' }] }, result: 'AB' },
    ],
    call: (args, ctx) => {
      const texts = textsOf(args, ctx, false);
      return texts instanceof FormulaError ? texts : joinBounded(texts, '');
    },
  },
  {
    name: 'CONCATENATE',
    category: 'text',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['string'],
    returns: T.string,
    syntax: 'CONCATENATE(text1, [text2], …)',
    description: {
      'zh-CN': '把各个文本连接起来（旧版写法）。参数不能是数组，连接表格列请用 CONCAT 或 TEXTJOIN。',
      en: 'Joins texts (the older form). Arguments cannot be arrays: use CONCAT or TEXTJOIN for a table column.',
    },
    examples: [
      {
        formula: 'CONCATENATE("Stream population for ", "brook trout", " is ", 32, "/mile")',
        result: 'Stream population for brook trout is 32/mile',
      },
      { formula: 'CONCATENATE("张", "三")', result: '张三' },
    ],
    call: (args) => {
      const texts: string[] = [];
      for (const arg of args) {
        const s = textArg(arg);
        if (s instanceof FormulaError) return s;
        texts.push(s);
      }
      return joinBounded(texts, '');
    },
  },
  {
    name: 'TEXTJOIN',
    category: 'text',
    minArgs: 3,
    maxArgs: Number.POSITIVE_INFINITY,
    params: ['string', 'boolean', 'values'],
    returns: T.string,
    syntax: 'TEXTJOIN(delimiter, ignore_empty, text1, [text2], …)',
    description: {
      'zh-CN': '用分隔符把各项连接成一段文本；ignore_empty 为 TRUE 时跳过空值。数组逐项连接。',
      en: 'Joins the items with a delimiter between them; when ignore_empty is TRUE, blanks are skipped. Arrays are joined item by item.',
    },
    examples: [
      {
        formula: 'TEXTJOIN(" ", TRUE, "The", "sun", "will", "come", "up", "tomorrow.")',
        result: 'The sun will come up tomorrow.',
      },
      {
        formula: 'TEXTJOIN("、", TRUE, kr[].name)',
        data: { kr: [{ name: '降本' }, { name: '' }, { name: '提效' }] },
        result: '降本、提效',
      },
      { formula: 'TEXTJOIN("-", FALSE, {"a", "", "b"})', result: 'a--b' },
    ],
    call: ([delimiter, ignoreEmpty, ...values], ctx) => {
      const d = textArg(delimiter);
      if (d instanceof FormulaError) return d;
      const skip = booleanArg(ignoreEmpty);
      if (skip instanceof FormulaError) return skip;
      const texts = textsOf(values, ctx, skip);
      return texts instanceof FormulaError ? texts : joinBounded(texts, d);
    },
  },
  oneText(
    'LEN',
    T.number,
    {
      'zh-CN': '返回文本的字符数。一个汉字或一个表情符号算一个字符。',
      en: 'Returns the number of characters in the text. A Chinese character or an emoji counts as one.',
    },
    [
      { formula: 'LEN("目标")', result: 2 },
      { formula: 'LEN("Phoenix, AZ")', result: 11 },
      { formula: 'LEN(comment)', data: {}, result: 0 },
    ],
    codePointCount,
  ),
  {
    name: 'LEFT',
    category: 'text',
    minArgs: 1,
    maxArgs: 2,
    params: ['string', 'number'],
    returns: T.string,
    syntax: 'LEFT(text, [count])',
    description: {
      'zh-CN': '返回文本开头的若干个字符（省略时为 1 个）。',
      en: 'Returns the first characters of the text (one when the count is omitted).',
    },
    examples: [
      { formula: 'LEFT("Sale Price", 4)', result: 'Sale' },
      { formula: 'LEFT("华东区域")', result: '华' },
    ],
    call: ([v, count]) => {
      const s = textArg(v);
      if (s instanceof FormulaError) return s;
      const n = countArg('LEFT', count);
      return n instanceof FormulaError ? n : Array.from(s).slice(0, n).join('');
    },
  },
  {
    name: 'RIGHT',
    category: 'text',
    minArgs: 1,
    maxArgs: 2,
    params: ['string', 'number'],
    returns: T.string,
    syntax: 'RIGHT(text, [count])',
    description: {
      'zh-CN': '返回文本末尾的若干个字符（省略时为 1 个）。',
      en: 'Returns the last characters of the text (one when the count is omitted).',
    },
    examples: [
      { formula: 'RIGHT("Sale Price", 5)', result: 'Price' },
      { formula: 'RIGHT("Stock Number")', result: 'r' },
    ],
    call: ([v, count]) => {
      const s = textArg(v);
      if (s instanceof FormulaError) return s;
      const n = countArg('RIGHT', count);
      if (n instanceof FormulaError) return n;
      const chars = Array.from(s);
      return chars.slice(Math.max(0, chars.length - n)).join('');
    },
  },
  {
    name: 'MID',
    category: 'text',
    minArgs: 3,
    maxArgs: 3,
    params: ['string', 'number', 'number'],
    returns: T.string,
    syntax: 'MID(text, start, count)',
    description: {
      'zh-CN': '从第 start 个字符（从 1 开始）起取 count 个字符。',
      en: 'Returns count characters starting at character number start (the first character is 1).',
    },
    examples: [
      { formula: 'MID("Fluid Flow", 7, 20)', result: 'Flow' },
      { formula: 'MID("SN-2026-0042", 4, 4)', result: '2026' },
      { formula: 'MID("Fluid Flow", 0, 5)', result: '#VALUE!' },
    ],
    call: ([v, startValue, countValue]) => {
      const s = textArg(v);
      if (s instanceof FormulaError) return s;
      const start = integerArg(startValue);
      if (start instanceof FormulaError) return start;
      const count = integerArg(countValue);
      if (count instanceof FormulaError) return count;
      if (start < 1) return badArgument('MID', 'start < 1');
      if (count < 0) return badArgument('MID', 'count < 0');
      return Array.from(s)
        .slice(start - 1, start - 1 + count)
        .join('');
    },
  },
  oneText(
    'UPPER',
    T.string,
    { 'zh-CN': '把文本中的字母转为大写。', en: 'Converts the letters of the text to upper case.' },
    [
      { formula: 'UPPER("sn-a01")', result: 'SN-A01' },
      { formula: 'UPPER("型号 abc")', result: '型号 ABC' },
    ],
    (s) => boundedText(s.toUpperCase()),
  ),
  oneText(
    'LOWER',
    T.string,
    { 'zh-CN': '把文本中的字母转为小写。', en: 'Converts the letters of the text to lower case.' },
    [
      { formula: 'LOWER("E. E. Cummings")', result: 'e. e. cummings' },
      { formula: 'LOWER("Apt. 2B")', result: 'apt. 2b' },
    ],
    (s) => boundedText(s.toLowerCase()),
  ),
  oneText(
    'PROPER',
    T.string,
    {
      'zh-CN': '把每个单词的首字母大写、其余字母小写（紧跟在非字母后的字母视为单词开头）。',
      en: 'Capitalizes the first letter of each word and lower-cases the rest (a letter after any non-letter starts a word).',
    },
    [
      { formula: 'PROPER("this is a TITLE")', result: 'This Is A Title' },
      { formula: 'PROPER("2-way street")', result: '2-Way Street' },
      { formula: 'PROPER("76BudGet")', result: '76Budget' },
    ],
    (s) => {
      let out = '';
      let afterLetter = false;
      for (const c of s) {
        const letter = LETTER.test(c);
        out += letter ? (afterLetter ? c.toLowerCase() : c.toUpperCase()) : c;
        afterLetter = letter;
      }
      return boundedText(out);
    },
  ),
  oneText(
    'TRIM',
    T.string,
    {
      'zh-CN': '去掉文本首尾的空格，并把中间连续的空格合并为一个。全角空格也算空格。',
      en: 'Removes spaces at both ends and collapses runs of spaces inside to one. Full-width spaces count as spaces.',
    },
    [
      { formula: 'TRIM(" First Quarter   Earnings ")', result: 'First Quarter Earnings' },
      { formula: 'TRIM("　张三　")', result: '张三' },
    ],
    trimSpaces,
  ),
  {
    name: 'REPT',
    category: 'text',
    minArgs: 2,
    maxArgs: 2,
    params: ['string', 'number'],
    returns: T.string,
    syntax: 'REPT(text, count)',
    description: {
      'zh-CN': '把文本重复 count 次。结果超过长度上限时返回 #VALUE!。',
      en: 'Repeats the text count times. A result over the length limit is #VALUE!.',
    },
    examples: [
      { formula: 'REPT("*-", 3)', result: '*-*-*-' },
      { formula: 'REPT("★", rating)', data: { rating: 4 }, result: '★★★★' },
      { formula: 'REPT("x", 1E9)', result: '#VALUE!' },
    ],
    call: ([v, countValue]) => {
      const s = textArg(v);
      if (s instanceof FormulaError) return s;
      const count = integerArg(countValue);
      if (count instanceof FormulaError) return count;
      if (count < 0) return badArgument('REPT', 'count < 0');
      if (s === '' || count === 0) return '';
      return s.length * count > MAX_TEXT_LENGTH ? tooLong() : s.repeat(count);
    },
  },
  {
    name: 'EXACT',
    category: 'text',
    minArgs: 2,
    maxArgs: 2,
    params: ['string', 'string'],
    returns: T.boolean,
    syntax: 'EXACT(text1, text2)',
    description: {
      'zh-CN': '两段文本完全相同（区分大小写）时返回 TRUE。= 比较不区分大小写。',
      en: 'TRUE when the two texts are exactly the same, case included (the = operator ignores case).',
    },
    examples: [
      { formula: 'EXACT("Word", "word")', result: false },
      { formula: 'EXACT("型号A", "型号A")', result: true },
    ],
    call: ([a, b]) => {
      const x = textArg(a);
      if (x instanceof FormulaError) return x;
      const y = textArg(b);
      return y instanceof FormulaError ? y : x === y;
    },
  },
];

export const textFunctions: readonly FunctionSpec[] = [
  ...basicTextFunctions,
  ...textSearchFunctions,
  ...textConvertFunctions,
];
