import { toNumber } from '../coerce.ts';
import { parseDateText } from '../dates.ts';
import { type FormatSection, parseFormatCode } from '../format/formatCode.ts';
import { formatDate, isDateSection } from '../format/formatDate.ts';
import { formatNumber } from '../format/formatNumber.ts';
import { T } from '../types.ts';
import { describeValue, FormulaDate, FormulaError, formulaError } from '../values.ts';
import { textArg } from './args.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';

/** Excel's own limit on the length of a format code. */
const MAX_FORMAT_LENGTH = 255;

const isTextCode = (t: FormatSection[number]): boolean => t.kind === 'code' && t.text === '@';

// Text goes through the 4th section, or a lone section with @ in it; otherwise it shows as it is.
function formatText(text: string, sections: readonly FormatSection[]): string {
  const only = sections.length === 1 ? sections[0] : undefined;
  const section = sections[3] ?? (only?.some(isTextCode) ? only : undefined);
  return section ? section.map((t) => (isTextCode(t) ? text : t.text)).join('') : text;
}

// Numbers (and numeric text) need number sections: Excel would read a date format as a serial date.
function numberText(n: number, sections: readonly FormatSection[]): string | FormulaError {
  return sections.some(isDateSection)
    ? formulaError('#VALUE!', 'notDate', { value: describeValue(n) })
    : formatNumber(n, sections);
}

export const textFormatFunctions: readonly FunctionImpl[] = [
  {
    name: 'TEXT',
    category: 'text',
    minArgs: 2,
    maxArgs: 2,
    params: ['scalar', 'string'],
    returns: T.string,
    call: ([value = null, format], ctx) => {
      if (value instanceof FormulaError) return value;
      const code = textArg(format);
      if (code instanceof FormulaError) return code;
      // A blank field shows as blank, not as Excel's "0" or "1900-01-00".
      if (value === null || value === '' || code === '') return '';
      if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
      const sections = code.length <= MAX_FORMAT_LENGTH ? parseFormatCode(code) : null;
      if (!sections) {
        const shown = code.length > 40 ? `${code.slice(0, 40)}…` : code;
        return functionError('#VALUE!', 'badFormat', { format: JSON.stringify(shown) });
      }
      const dateFormat = isDateSection(sections[0] ?? []);
      if (value instanceof FormulaDate) {
        return dateFormat
          ? formatDate(value, sections[0] ?? [], ctx.locale)
          : formulaError('#VALUE!', 'notNumber', { value: describeValue(value) });
      }
      if (typeof value === 'number') return numberText(value, sections);
      if (typeof value !== 'string')
        return formulaError('#VALUE!', 'notText', { value: describeValue(value) });
      const number = toNumber(value);
      if (typeof number === 'number') return numberText(number, sections);
      if (!dateFormat) return formatText(value, sections);
      const date = parseDateText(value, ctx.timeZone);
      return date
        ? formatDate(date, sections[0] ?? [], ctx.locale)
        : formulaError('#VALUE!', 'notDate', { value: describeValue(value) });
    },
  },
];
