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
  /** The mapping saved by an earlier import that the server applied to this file's header row. */
  readonly savedMapping?: AppliedMapping;
  /** A commit saved its mapping for this header row (the next such file gets it). */
  readonly mappingSaved?: boolean;
}

/** A saved column mapping applied to a file: for which headers, saved when and by whom. */
export interface AppliedMapping {
  readonly signature: string;
  readonly headers: readonly string[];
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Saved for exactly this header row (else for some of its columns). */
  readonly exact: boolean;
}

/** How to run an import. */
export interface ImportRequest {
  readonly formId: string;
  readonly file: File;
  readonly mode: 'dryRun' | 'commit';
  readonly onInvalid: 'rejectAll' | 'skipInvalid';
  readonly encoding: 'utf-8' | 'gb18030';
  /** Which field each column fills; absent = the saved mapping for the headers, else matched by header. */
  readonly mapping?: readonly (string | null)[];
  /** `ignore`: do not apply a saved mapping this time (default: apply). */
  readonly savedMapping?: 'apply' | 'ignore';
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
    savedMapping: request.savedMapping,
    // Named in the import's audit entry.
    fileName: request.file.name.slice(0, 255) || undefined,
  });
  return api<ImportReport>(`/api/forms/${encodeURIComponent(request.formId)}/imports${query}`, {
    method: 'POST',
    file: uploadOf(request.file),
  });
}

/** Forgets a saved column mapping of a form: files with its headers are matched by label again. */
export function forgetSavedMapping(formId: string, signature: string): Promise<void> {
  return api<void>(
    `/api/forms/${encodeURIComponent(formId)}/import-mappings/${encodeURIComponent(signature)}`,
    { method: 'DELETE' },
  );
}
