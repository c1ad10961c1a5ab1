import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../http/ApiError.ts';
import { limitBytes } from './limitBytes.ts';
import { readTable, type TableEncoding, type TableRow } from './readTable.ts';

/** Largest accepted upload. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** The media type of .xlsx uploads. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The rows of the CSV or XLSX file a request carries as its body (415 for any other type), streamed
 * through the size limit; an aborted upload ends the read with its error.
 */
export function uploadedTable(request: FastifyRequest, encoding: TableEncoding): AsyncGenerator<TableRow> {
  const type = request.headers['content-type']?.split(';')[0]?.trim();
  if (type !== 'text/csv' && type !== XLSX_TYPE)
    throw new ApiError(415, 'unsupportedMediaType', {
      'zh-CN': '请上传 CSV（text/csv）或 Excel .xlsx 文件',
      en: 'upload a CSV (text/csv) or an Excel .xlsx file',
    });
  const body = request.body as Readable;
  const bytes = body.pipe(limitBytes(MAX_IMPORT_BYTES));
  body.on('error', (error) => bytes.destroy(error));
  return readTable(bytes, type === 'text/csv' ? 'csv' : 'xlsx', encoding);
}
