import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { ApiError } from '../http/ApiError.ts';
import { xlsxRows } from './xlsx/xlsxRows.ts';

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

/** The rows of an uploaded CSV or XLSX file, header first, streamed. */
export function readTable(
  bytes: Readable,
  format: TableFormat,
  encoding: TableEncoding = 'utf-8',
): AsyncGenerator<TableRow> {
  return format === 'csv' ? csvRows(bytes, encoding) : xlsxRows(bytes);
}
