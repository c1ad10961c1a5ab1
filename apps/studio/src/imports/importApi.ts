import { api, queryString } from '../api/client.ts';
import type { Text } from '../i18n/locale.tsx';

/** One problem of an imported row: its spreadsheet row number, column and field. */
export interface ImportIssue {
  readonly row: number;
  readonly column?: string;
  readonly field?: string;
  readonly message: Text;
}

/** What `POST /api/forms/:formId/imports` found (and, on commit, did). */
export interface ImportReport {
  readonly headers: readonly string[];
  readonly mapping: readonly (string | null)[];
  readonly missingRequired: readonly string[];
  readonly rows: number;
  readonly valid: number;
  readonly invalid: number;
  readonly issues: readonly ImportIssue[];
  readonly issueCount: number;
  readonly inserted: number;
  readonly rejectedCsv?: string;
}

/** How to run an import. */
export interface ImportRequest {
  readonly formId: string;
  readonly file: File;
  readonly mode: 'dryRun' | 'commit';
  readonly onInvalid: 'rejectAll' | 'skipInvalid';
  readonly encoding: 'utf-8' | 'gb18030';
  /** Which field each column fills; absent = matched by header. */
  readonly mapping?: readonly (string | null)[];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether a file is an Excel workbook (else it is read as CSV). */
export const isExcel = (file: File) => file.name.toLowerCase().endsWith('.xlsx') || file.type === XLSX_TYPE;

/** The file as an upload body, with the content type the server reads it by. */
export const uploadOf = (file: File) => ({ data: file, type: isExcel(file) ? XLSX_TYPE : 'text/csv' });

/** Sends the file itself as the body: the server streams it, so large files never sit in memory twice. */
export function runImport(request: ImportRequest): Promise<ImportReport> {
  const query = queryString({
    mode: request.mode,
    onInvalid: request.onInvalid,
    encoding: request.encoding,
    mapping: request.mapping ? JSON.stringify(request.mapping) : undefined,
  });
  return api<ImportReport>(`/api/forms/${encodeURIComponent(request.formId)}/imports${query}`, {
    method: 'POST',
    file: uploadOf(request.file),
  });
}
