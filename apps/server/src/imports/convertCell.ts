import type { LocalizedMessage } from '@formboard/formula';
import type { FieldInfo } from '@formboard/schema';

/** A converted cell, or why it could not be read. Empty cells are `undefined` (left out of the record). */
export type CellResult = { readonly value: unknown } | { readonly problem: LocalizedMessage };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', '√', '✓']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '不是', '错', '×', '✗']);
// Multi-select cells list their choices with any of these separators.
const LIST_SEPARATOR = /[,，;；、|\n]/;
// Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function toNumber(text: string): number | undefined {
  const cleaned = text.normalize('NFKC').replace(/[,\s¥$￥]/g, '');
  const percent = cleaned.endsWith('%');
  const number = Number(percent ? cleaned.slice(0, -1) : cleaned);
  if (cleaned === '' || !Number.isFinite(number)) return undefined;
  return percent ? number / 100 : number;
}

function toDate(text: string): string | undefined {
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.normalize('NFKC'));
  if (parts) {
    const [, y, m, d] = parts;
    const iso = `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
    const check = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(iso) ? iso : undefined;
  }
  // A date cell exported as its Excel serial number.
  if (/^\d{4,5}$/.test(text))
    return new Date(EXCEL_EPOCH_MS + Number(text) * 86_400_000).toISOString().slice(0, 10);
  return undefined;
}

/** The allowed values of a choice field with their labels, to accept "已完成" for "done". */
function optionFor(field: FieldInfo, text: string): string | number | undefined {
  const wanted = text.trim();
  const oneOf = field.schema.oneOf as
    | { const: string | number; title?: string | Record<string, string> }[]
    | undefined;
  for (const option of oneOf ?? []) {
    const labels =
      option.title === undefined
        ? []
        : typeof option.title === 'string'
          ? [option.title]
          : Object.values(option.title);
    if (String(option.const) === wanted || labels.includes(wanted)) return option.const;
  }
  return field.options?.find((option) => String(option) === wanted);
}

const problem = (zh: string, en: string): CellResult => ({ problem: { 'zh-CN': zh, en } });

/** Reads one text cell as the field's type. */
export function convertCell(field: FieldInfo, raw: string): CellResult | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  if (field.kind === 'multiSelect') {
    const itemField = { ...field, schema: (field.schema.items ?? {}) as Record<string, unknown> };
    const values = text
      .split(LIST_SEPARATOR)
      .map((part) => part.trim())
      .filter(Boolean);
    const chosen = values.map((part) => optionFor(itemField, part) ?? part);
    return { value: chosen };
  }
  if (field.options) {
    const option = optionFor(field, text);
    return option === undefined
      ? problem(`“${text}”不是可选项`, `"${text}" is not one of the options`)
      : { value: option };
  }
  switch (field.kind) {
    case 'number': {
      const number = toNumber(text);
      return number === undefined
        ? problem(`“${text}”不是数字`, `"${text}" is not a number`)
        : { value: number };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return problem(`“${text}”不是 是/否`, `"${text}" is not yes/no`);
    }
    default: {
      if (field.format !== 'date') return { value: text };
      const date = toDate(text);
      return date
        ? { value: date }
        : problem(`“${text}”不是日期（如 2026-11-27）`, `"${text}" is not a date (e.g. 2026-11-27)`);
    }
  }
}
