import type { LocalizedMessage } from '@formboard/formula';
import { compileRecordValidator, type FormDefinition, indexFields, spreadsheetSafe } from '@formboard/schema';
import type { RecordWriter, Store } from '@formboard/storage';
import Papa from 'papaparse';
import { ApiError } from '../http/ApiError.ts';
import type { Locale } from '../http/locale.ts';
import { isHidden } from '../permissions/hiddenFields.ts';
import { type ColumnMapping, importableFields } from './columnMapping.ts';
import type { TableRow } from './readTable.ts';
import { type ImportIssue, tableToRecords } from './tableToRecords.ts';

/** dryRun checks and writes nothing; commit writes. */
export type ImportMode = 'dryRun' | 'commit';
/** On bad rows: write nothing at all, or write the valid rows and hand back the rejected ones. */
export type OnInvalid = 'rejectAll' | 'skipInvalid';

/** What an import found and did. */
export interface ImportReport {
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  /** Required fields no column fills: every row will miss them. */
  readonly missingRequired: readonly string[];
  readonly rows: number;
  readonly valid: number;
  readonly invalid: number;
  /** The first MAX_LISTED issues; `issueCount` counts them all. */
  readonly issues: readonly ImportIssue[];
  readonly issueCount: number;
  readonly inserted: number;
  /** The rejected rows as CSV (their cells plus an error column), for skipInvalid commits. */
  readonly rejectedCsv?: string;
}

const MAX_LISTED = 1000;

/** The published form to import into, or 404 / 409. */
async function publishedForm(store: Store, formId: string): Promise<FormDefinition> {
  const info = await store.definitions.getInfo(formId).catch(() => undefined);
  if (info?.kind !== 'form')
    throw new ApiError(404, 'notFound', { 'zh-CN': `找不到表单 ${formId}`, en: `form ${formId} not found` });
  if (info.publishedVersion === null)
    throw new ApiError(409, 'state', {
      'zh-CN': `表单 ${formId} 还没有发布`,
      en: `form ${formId} is not published yet`,
    });
  return (await store.definitions.get(formId, info.publishedVersion)).content as unknown as FormDefinition;
}

function describe(issues: readonly ImportIssue[], locale: Locale): string {
  return issues.map((issue) => `${issue.column ?? issue.field ?? ''}: ${issue.message[locale]}`).join('; ');
}

/**
 * Imports an uploaded table into a form. Rows are converted and validated as they stream in, so a
 * dry run holds only the report. A commit keeps the valid rows until the end and writes them in one
 * transaction (all-or-nothing), so an interrupted import leaves nothing half-written.
 */
export async function runImport(
  store: Store,
  request: {
    formId: string;
    table: AsyncGenerator<TableRow>;
    mapping?: ColumnMapping;
    mode: ImportMode;
    onInvalid: OnInvalid;
    writer: RecordWriter;
    /** Fields hidden from the importer: not importable, like columns that match nothing. */
    hidden: ReadonlySet<string>;
    locale: Locale;
    onProgress?: (rows: number) => void;
  },
): Promise<ImportReport> {
  const form = await publishedForm(store, request.formId);
  const fields = importableFields(form, indexFields(form.data).fields.values()).filter(
    (field) => !isHidden(field.path, request.hidden),
  );
  const converted = await tableToRecords(
    request.table,
    fields,
    compileRecordValidator(form),
    request.mapping,
  );
  const mapped = new Set(converted.mapping);
  const missingRequired = fields
    .filter((f) => f.required && !f.path.includes('.') && !mapped.has(f.path))
    .map((f) => f.path);
  const issues: ImportIssue[] = [];
  const keep: Record<string, unknown>[] = [];
  const rejected: string[][] = [];
  let rows = 0;
  let invalid = 0;
  let issueCount = 0;
  for await (const row of converted.rows) {
    rows++;
    if (rows % 5000 === 0) request.onProgress?.(rows);
    if (row.issues.length === 0) {
      if (request.mode === 'commit') keep.push(row.data);
      continue;
    }
    invalid++;
    issueCount += row.issues.length;
    for (const issue of row.issues) if (issues.length < MAX_LISTED) issues.push(issue);
    if (request.mode === 'commit' && request.onInvalid === 'skipInvalid')
      rejected.push(
        [String(row.row), ...row.cells, describe(row.issues, request.locale)].map(spreadsheetSafe),
      );
  }
  const writes =
    request.mode === 'commit' && (invalid === 0 || request.onInvalid === 'skipInvalid') && keep.length > 0;
  const inserted = writes ? (await store.records.insertMany(request.formId, keep, request.writer)).length : 0;
  const errorHeader: LocalizedMessage = { 'zh-CN': '错误', en: 'Error' };
  const rowHeader: LocalizedMessage = { 'zh-CN': '行号', en: 'Row' };
  return {
    headers: converted.headers,
    mapping: converted.mapping,
    missingRequired,
    rows,
    valid: rows - invalid,
    invalid,
    issues,
    issueCount,
    inserted,
    ...(rejected.length > 0
      ? {
          rejectedCsv: Papa.unparse([
            [rowHeader[request.locale], ...converted.headers, errorHeader[request.locale]],
            ...rejected,
          ]),
        }
      : {}),
  };
}
