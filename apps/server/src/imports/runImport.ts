import type { LocalizedMessage } from '@formboard/formula';
import { compileRecordValidator, type FormDefinition, indexFields, spreadsheetSafe } from '@formboard/schema';
import type { RecordWriter, Store } from '@formboard/storage';
import Papa from 'papaparse';
import { ApiError } from '../http/ApiError.ts';
import type { Locale } from '../http/locale.ts';
import { isHidden } from '../permissions/hiddenFields.ts';
import { type ColumnMapping, importableFields } from './columnMapping.ts';
import type { TableRow } from './readTable.ts';
import { RowSpool } from './rowSpool.ts';
import {
  type AppliedMapping,
  chooseMapping,
  type MappingChoice,
  type SavedMappingUse,
} from './savedMappings.ts';
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
  /** The saved mapping applied to this file's header row, when one was. */
  readonly savedMapping?: AppliedMapping;
  /** This import's own mapping was saved for the file's header row, for next time. */
  readonly mappingSaved: boolean;
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

// Rows per insert statement batch of a commit: its memory, not the file's length, bounds a commit's.
const BATCH_ROWS = 1000;

/** Writes the spooled rows batch by batch, all in one transaction: every row, or (on any failure) none. */
function writeSpooled(store: Store, formId: string, spool: RowSpool, writer: RecordWriter): Promise<number> {
  return store.transaction(async (tx) => {
    let inserted = 0;
    for await (const batch of spool.batches(BATCH_ROWS))
      inserted += (await tx.records.insertMany(formId, batch, writer)).length;
    return inserted;
  });
}

/**
 * Imports an uploaded table into a form. Rows are converted and validated as they stream in, so a
 * dry run holds only the report. A commit checks the whole file first, keeping its valid rows in a
 * spool on disk, then writes them in batches inside one transaction: all or nothing — nothing at all
 * when a row is bad and the importer chose `rejectAll`, the valid rows for `skipInvalid` — and an
 * interrupted import leaves nothing half-written. Memory does not grow with the file's length
 * (except the rejected rows handed back as CSV).
 */
export async function runImport(
  store: Store,
  request: {
    formId: string;
    table: AsyncGenerator<TableRow>;
    mapping?: ColumnMapping;
    /** Consult the form's saved mappings (and save the importer's own on commit); unset = neither. */
    savedMappings?: SavedMappingUse;
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
  let choice: MappingChoice | undefined;
  const use = request.savedMappings;
  const converted = await tableToRecords(
    request.table,
    fields,
    compileRecordValidator(form),
    use
      ? async (headers) => {
          choice = await chooseMapping(store, {
            formId: request.formId,
            headers,
            fields,
            hidden: request.hidden,
            mapping: request.mapping,
            use,
            actor: request.writer.actor,
          });
          return choice.mapping;
        }
      : request.mapping,
  );
  const mapped = new Set(converted.mapping);
  const missingRequired = fields
    .filter((f) => f.required && !f.path.includes('.') && !mapped.has(f.path))
    .map((f) => f.path);
  const issues: ImportIssue[] = [];
  const rejected: string[][] = [];
  const skipInvalid = request.onInvalid === 'skipInvalid';
  let rows = 0;
  let invalid = 0;
  let issueCount = 0;
  let inserted = 0;
  const spool = request.mode === 'commit' ? await RowSpool.create() : undefined;
  try {
    for await (const row of converted.rows) {
      rows++;
      if (rows % 5000 === 0) request.onProgress?.(rows);
      if (row.issues.length === 0) {
        // After a bad row an all-or-nothing commit writes nothing: no need to keep more rows.
        if (invalid === 0 || skipInvalid) await spool?.add(row.data);
        continue;
      }
      invalid++;
      issueCount += row.issues.length;
      for (const issue of row.issues) if (issues.length < MAX_LISTED) issues.push(issue);
      if (spool && skipInvalid)
        rejected.push(
          [String(row.row), ...row.cells, describe(row.issues, request.locale)].map(spreadsheetSafe),
        );
    }
    if (spool && spool.size > 0 && (invalid === 0 || skipInvalid))
      inserted = await writeSpooled(store, request.formId, spool, request.writer);
  } finally {
    await spool?.remove();
  }
  // The rows are committed by now: a mapping that fails to save must not make the import look failed
  // (and be imported again); the report says it was not saved.
  let mappingSaved = false;
  if (inserted > 0 && choice?.remember)
    mappingSaved = await choice.remember().then(
      () => true,
      () => false,
    );
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
    ...(choice?.applied ? { savedMapping: choice.applied } : {}),
    mappingSaved,
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
