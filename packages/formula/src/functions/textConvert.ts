import { T } from '../types.ts';
import { describeValue, FormulaError, formulaError } from '../values.ts';
import { integerArg, textArg } from './args.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';

// Conversions between text and numbers or character codes.

const badArgument = (name: string, reason: string): FormulaError =>
  functionError('#VALUE!', 'badArgument', { name, reason });

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

export const textConvertFunctions: readonly FunctionImpl[] = [
  {
    name: 'VALUE',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['scalar'],
    returns: T.number,
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
    call: ([v]) => {
      const s = textArg(v);
      if (s instanceof FormulaError) return s;
      return s.codePointAt(0) ?? badArgument('UNICODE', 'empty text');
    },
  },
];
