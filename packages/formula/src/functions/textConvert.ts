import { T } from '../types.ts';
import { describeValue, FormulaError, formulaError } from '../values.ts';
import { integerArg, textArg } from './args.ts';
import type { FunctionSpec } from './FunctionSpec.ts';

// Conversions between text and numbers or character codes.

const badArgument = (name: string, reason: string): FormulaError =>
  formulaError('#VALUE!', 'badArgument', { name, reason });

// Full-width ASCII variants (０-９, ．, －, ％…) typed by Chinese input methods read as their ASCII forms.
function halfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

const NUMBER_TEXT = /^([+-]?)[$¥￥]?(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(e[+-]?\d+)?$/i;

/** VALUE's reading of text: "1,234.5", "-¥12", "50%", "１２３"; undefined when it is not a number. */
function parseNumberText(text: string): number | undefined {
  let s = halfWidth(text).trim();
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1).trimEnd();
  const m = NUMBER_TEXT.exec(s);
  if (!m) return undefined;
  const [, sign = '', int = '', frac = '', exp = ''] = m;
  if (!/\d/.test(int + frac)) return undefined;
  const n = Number(`${sign}${int.replaceAll(',', '')}${frac === '.' ? '' : frac}${exp}`);
  if (!Number.isFinite(n)) return undefined;
  return percent ? n / 100 : n;
}

export const textConvertFunctions: readonly FunctionSpec[] = [
  {
    name: 'VALUE',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['scalar'],
    returns: T.number,
    syntax: 'VALUE(text)',
    description: {
      'zh-CN':
        '把表示数字的文本转为数字，支持千分位逗号、百分号、货币符号和全角数字，如 "1,234.5"、"50%"、"１２３"。',
      en: 'Converts text that shows a number to the number. Accepts thousands commas, percent and currency signs, and full-width digits: "1,234.5", "50%", "１２３".',
    },
    examples: [
      { formula: 'VALUE("1,234.5")', result: 1234.5 },
      { formula: 'VALUE("50%")', result: 0.5 },
      { formula: 'VALUE("一百")', result: '#VALUE!' },
    ],
    call: ([v = null]) => {
      if (typeof v === 'number' || v instanceof FormulaError) return v;
      if (v === null) return 0;
      const n = typeof v === 'string' ? parseNumberText(v) : undefined;
      return n ?? formulaError('#VALUE!', 'notNumber', { value: describeValue(v) });
    },
  },
  {
    name: 'UNICHAR',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['number'],
    returns: T.string,
    syntax: 'UNICHAR(code)',
    description: {
      'zh-CN': '返回 Unicode 码位对应的字符，如 UNICHAR(10) 为换行。',
      en: 'Returns the character with the given Unicode code point; UNICHAR(10) is a line break.',
    },
    examples: [
      { formula: 'UNICHAR(66)', result: 'B' },
      { formula: 'UNICHAR(30446)', result: '目' },
    ],
    call: ([v]) => {
      const n = integerArg(v);
      if (n instanceof FormulaError) return n;
      if (n < 1 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff))
        return badArgument('UNICHAR', 'code ∉ 1–0x10FFFF');
      return String.fromCodePoint(n);
    },
  },
  {
    name: 'CHAR',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['number'],
    returns: T.string,
    syntax: 'CHAR(code)',
    description: {
      'zh-CN': '返回编码 1–255 对应的字符，如 CHAR(10) 为换行。其他字符请用 UNICHAR。',
      en: 'Returns the character with code 1–255, such as CHAR(10) for a line break. Use UNICHAR for other characters.',
    },
    examples: [
      { formula: 'CHAR(65)', result: 'A' },
      { formula: 'CHAR(256)', result: '#VALUE!' },
    ],
    call: ([v]) => {
      const n = integerArg(v);
      if (n instanceof FormulaError) return n;
      return n < 1 || n > 255 ? badArgument('CHAR', 'code ∉ 1–255') : String.fromCharCode(n);
    },
  },
  {
    name: 'UNICODE',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['string'],
    returns: T.number,
    syntax: 'UNICODE(text)',
    description: {
      'zh-CN': '返回文本第一个字符的 Unicode 码位。',
      en: 'Returns the Unicode code point of the first character of the text.',
    },
    examples: [
      { formula: 'UNICODE("B")', result: 66 },
      { formula: 'UNICODE("目标")', result: 30446 },
    ],
    call: ([v]) => {
      const s = textArg(v);
      if (s instanceof FormulaError) return s;
      return s.codePointAt(0) ?? badArgument('UNICODE', 'empty text');
    },
  },
];
