// Spreadsheet apps run a cell that starts with = + - @ (or a tab / carriage return before one) as a
// formula: "=HYPERLINK(…)" in a record would run on whoever opens the export (OWASP "CSV injection").
// Shared by the server's record export and the dashboards' CSV download.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in Excel / WPS: a leading apostrophe keeps formula-looking text as text. */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
