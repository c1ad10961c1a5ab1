import { spreadsheetSafe } from '@formboard/schema';

/** A CSV cell: text, a number, or empty. */
export type CsvCell = string | number | null;

function cell(value: CsvCell): string {
  if (value === null) return '';
  // Numbers are written as numbers (a negative one is not a formula); text is neutralised.
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : spreadsheetSafe(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV text (RFC 4180: commas, CRLF, quotes doubled) of a header and rows. It starts with a byte-order
 * mark so that Excel and WPS read it as UTF-8 (Chinese names stay readable).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
