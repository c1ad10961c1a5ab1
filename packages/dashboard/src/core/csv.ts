/** A CSV cell: text, a number, or empty. */
export type CsvCell = string | number | null;

// Spreadsheet apps run a cell that starts with = + - @ (or a tab / carriage return before one) as a
// formula: "=HYPERLINK(…)" in a group name would run on whoever opens the file (OWASP "CSV
// injection"). The same rule as the server's record export (apps/server/src/imports/spreadsheetSafe.ts).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text made safe to open in Excel / WPS: a leading apostrophe keeps formula-looking text as text. */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

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
