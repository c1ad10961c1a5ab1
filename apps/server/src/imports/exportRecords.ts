import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  type FieldInfo,
  type FormDefinition,
  indexFields,
  localize,
  spreadsheetSafe,
} from '@formboard/schema';
import type { Store } from '@formboard/storage';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Locale } from '../http/locale.ts';
import { isHidden } from '../permissions/hiddenFields.ts';
import { readPath } from '../records/dataPaths.ts';
import { importableFields } from './columnMapping.ts';

const PAGE = 500;

/** A cell for a spreadsheet: numbers stay numbers, lists are joined, objects become JSON. */
function cell(value: unknown, locale: Locale): string | number {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean')
    return value ? (locale === 'zh-CN' ? '是' : 'yes') : locale === 'zh-CN' ? '否' : 'no';
  if (Array.isArray(value)) return value.map(String).join(locale === 'zh-CN' ? '、' : ', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The form's exportable columns (minus those hidden from the caller), then every record in scope, page by page. */
export async function* exportRows(
  store: Store,
  formId: string,
  who: { readonly ownerIds: string[] | undefined; readonly hidden: ReadonlySet<string> },
  locale: Locale,
): AsyncGenerator<(string | number)[]> {
  const { ownerIds, hidden } = who;
  const info = await store.definitions.getInfo(formId);
  const form = (await store.definitions.get(formId, info.publishedVersion ?? info.headVersion))
    .content as unknown as FormDefinition;
  const fields: FieldInfo[] = importableFields(form, indexFields(form.data).fields.values()).filter(
    (field) => !isHidden(field.path, hidden),
  );
  const meta =
    locale === 'zh-CN' ? ['填写人', '提交时间', '记录编号'] : ['Owner', 'Submitted at', 'Record id'];
  yield [...fields.map((field) => (field.title ? localize(field.title, locale) : field.path)), ...meta];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.records.list(formId, { offset, limit: PAGE, ...(ownerIds ? { ownerIds } : {}) });
    for (const record of page.records)
      yield [
        ...fields.map((field) => cell(readPath(record.data, field.path), locale)),
        record.ownerId,
        record.createdAt,
        record.id,
      ];
    if (page.records.length < PAGE) return;
  }
}

/** Writes the records as CSV (UTF-8 with a BOM, so Excel shows Chinese correctly). */
export async function exportCsv(out: Writable, rows: AsyncGenerator<(string | number)[]>): Promise<void> {
  out.write('\uFEFF');
  // CSV has no cell types, so text that looks like a formula is neutralised here; XLSX writes text
  // cells as text, which Excel never evaluates, so it needs (and gets) no apostrophe.
  for await (const row of rows) {
    if (out.destroyed) return; // the client went away: stop reading records
    const safe = row.map((cell) => (typeof cell === 'string' ? spreadsheetSafe(cell) : cell));
    // Wait while the client reads slower than the database: never buffer the whole export.
    if (!out.write(`${Papa.unparse([safe])}\r\n`))
      await Promise.race([once(out, 'drain'), once(out, 'close')]);
  }
  out.end();
}

/** Writes the records as an .xlsx workbook, streamed row by row. */
export async function exportXlsx(
  out: Writable,
  rows: AsyncGenerator<(string | number)[]>,
  sheetName: string,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'records');
  for await (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
