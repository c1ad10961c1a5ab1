import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ApiError } from '../http/ApiError.ts';

/** One row of an uploaded table: its row number as a spreadsheet shows it (the header is row 1). */
export interface TableRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** What an upload can be. */
export type TableFormat = 'csv' | 'xlsx';
/** Text encodings accepted for CSV: UTF-8 (with or without BOM) and GB18030 (Excel's "CSV" on Chinese Windows). */
export type TableEncoding = 'utf-8' | 'gb18030';

const badEncoding = (line: number, encoding: TableEncoding) =>
  new ApiError(
    400,
    'badEncoding',
    {
      'zh-CN': `文件第 ${line} 行不是有效的 ${encoding} 文本。请另存为“CSV UTF-8”，或上传 .xlsx，或指定 encoding=gb18030`,
      en: `line ${line} of the file is not valid ${encoding} text. Save it as "CSV UTF-8", upload .xlsx, or pass encoding=gb18030`,
    },
    { line },
  );

/** Decodes a byte stream strictly: invalid bytes stop the import with the line they are on. */
async function* decode(bytes: Readable, encoding: TableEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  let lines = 1;
  for await (const chunk of bytes) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      const lenient = new TextDecoder(encoding).decode(chunk as Buffer);
      const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
      throw badEncoding(lines + (before.match(/\n/g)?.length ?? 0), encoding);
    }
    lines += text.match(/\n/g)?.length ?? 0;
    yield text;
  }
  const rest = (() => {
    try {
      return decoder.decode();
    } catch {
      throw badEncoding(lines, encoding);
    }
  })();
  if (rest) yield rest;
}

/** CSV rows, streamed: papaparse reads the decoded text as it arrives (RFC 4180 quoting, any line ending). */
async function* csvRows(bytes: Readable, encoding: TableEncoding): AsyncGenerator<TableRow> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    skipEmptyLines: 'greedy',
  }) as unknown as NodeJS.ReadWriteStream;
  const feeding = (async () => {
    try {
      for await (const text of decode(bytes, encoding))
        if (!parser.write(text)) await new Promise((r) => parser.once('drain', r));
      parser.end();
    } catch (error) {
      parser.emit('error', error);
    }
  })();
  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) yield { row: ++row, cells };
  await feeding;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

// A workbook is a zip: a few compressed kilobytes can inflate to gigabytes of shared strings. Shared
// strings are kept in our own table with a character budget instead of exceljs's unbounded cache.
const MAX_SHARED_CHARACTERS = 20_000_000;

const tooBig = () =>
  new ApiError(413, 'bodyTooLarge', {
    'zh-CN': `Excel 文件解压后的文字超过 ${MAX_SHARED_CHARACTERS / 1_000_000} 百万字符上限，请拆成几个文件或改用 CSV`,
    en: `the Excel file inflates to more than ${MAX_SHARED_CHARACTERS / 1_000_000} million characters of text; split it or use CSV`,
  });

type SharedText = string | { richText: { text: string }[] };
const sharedText = (value: SharedText | null | undefined): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'string'
      ? value
      : value.richText.map((part) => part.text).join('');

/** The first worksheet's rows, streamed by exceljs's reader, shared strings within a budget. */
async function* xlsxRows(bytes: Readable): AsyncGenerator<TableRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    sharedStrings: 'emit',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  const shared: string[] = [];
  let characters = 0;
  const resolve = (value: ExcelJS.CellValue): ExcelJS.CellValue =>
    value && typeof value === 'object' && 'sharedString' in value
      ? (shared[(value as { sharedString: number }).sharedString] ?? '')
      : value;
  try {
    // parse() yields worksheets as { eventType: 'worksheet', value } and, in 'emit' mode, each shared
    // string as a bare { index, text } (exceljs 4.4).
    type Event = { eventType?: string; value?: unknown; index?: number; text?: SharedText | null };
    const events = (workbook as unknown as { parse(): AsyncIterable<Event> }).parse();
    for await (const event of events) {
      if (event.index !== undefined && 'text' in event) {
        const text = sharedText(event.text);
        characters += text.length;
        if (characters > MAX_SHARED_CHARACTERS) throw tooBig();
        shared[event.index] = text;
      } else if (event.eventType === 'worksheet') {
        for await (const row of event.value as AsyncIterable<ExcelJS.Row>) {
          const values = (row.values as ExcelJS.CellValue[]).slice(1);
          const cells = Array.from(values, (cell) => cellText(resolve(cell)));
          if (cells.some((cell) => cell.trim() !== '')) yield { row: row.number, cells };
        }
        return;
      }
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(400, 'badSpreadsheet', {
      'zh-CN': `无法读取这个 Excel 文件：${(error as Error).message}`,
      en: `cannot read this Excel file: ${(error as Error).message}`,
    });
  }
}

/** The rows of an uploaded CSV or XLSX file, header first, streamed. */
export function readTable(
  bytes: Readable,
  format: TableFormat,
  encoding: TableEncoding = 'utf-8',
): AsyncGenerator<TableRow> {
  return format === 'csv' ? csvRows(bytes, encoding) : xlsxRows(bytes);
}
