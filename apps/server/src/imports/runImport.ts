import type { FieldInfo, FormDefinition } from '@formboard/schema';
import { compileRecordValidator, indexFields } from '@formboard/schema';
import type { RecordWriter, Store } from '@formboard/storage';
import { ApiError } from '../http/ApiError.ts';
import type { Locale } from '../http/locale.ts';
import { isHidden } from '../permissions/hiddenFields.ts';
import { autoMapColumns, type ColumnMapping, importableFields } from './columnMapping.ts';
import { commitRows, type ImportOrigin, type WrittenRecords } from './commitRows.ts';
import type { TableRow } from './readTable.ts';
import { RejectedRows } from './rejectedRows.ts';
import { RowSpool } from './rowSpool.ts';
import {
  type AppliedMapping,
  chooseMapping,
  type MappingChoice,
  type SavedMappingUse,
} from './savedMappings.ts';
import { type ImportIssue, tableToRecords } from './tableToRecords.ts';
import { withUniqueChecks } from './uniqueRows.ts';

/** dryRun checks and writes nothing; commit writes. */
export type ImportMode = 'dryRun' | 'commit';
/** On bad rows: write nothing at all, or write the valid rows and hand back the rejected ones. */
export type OnInvalid = 'rejectAll' | 'skipInvalid';
/** Where the mapping used came from: the importer's own, one saved for these headers, or the labels. */
export type MappingSource = 'given' | 'saved' | 'labels';

/** What an import found and did. */
export interface ImportReport {
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly mappingSource: MappingSource;
  /** Required fields no column fills: every row will miss them. */
  readonly missingRequired: readonly string[];
  readonly rows: number;
  readonly valid: number;
  readonly invalid: number;
  /** The first MAX_LISTED issues; `issueCount` counts them all. */
  readonly issues: readonly ImportIssue[];
  readonly issueCount: number;
  readonly inserted: number;
  /** The saved mapping applied to this file's header row, when one was. */
  readonly savedMapping?: AppliedMapping;
  /** This import's own mapping was saved for the file's header row, for next time. */
  readonly mappingSaved: boolean;
}

/** An import's report and, for a skipInvalid commit with bad rows, those rows as CSV (the caller removes them). */
export interface ImportResult {
  readonly report: ImportReport;
  readonly rejected?: RejectedRows;
}

/** The importer's own mapping, or a rule that makes one from the header row and the fields it may fill (may throw). */
export type GivenMapping =
  | ColumnMapping
  | ((headers: readonly string[], fields: readonly FieldInfo[]) => ColumnMapping);

/** What to import where, and how. */
export interface ImportRequest {
  readonly formId: string;
  readonly table: AsyncGenerator<TableRow>;
  readonly mapping?: GivenMapping;
  /** Consult the form's saved mappings (and save the importer's own on commit); unset = neither. */
  readonly savedMappings?: SavedMappingUse;
  readonly mode: ImportMode;
  readonly onInvalid: OnInvalid;
  readonly writer: RecordWriter;
  /** Fields hidden from the importer: not importable, like columns that match nothing. */
  readonly hidden: ReadonlySet<string>;
  readonly locale: Locale;
  /** The file and the way it came, for the audit entry of a commit. */
  readonly origin: ImportOrigin;
  readonly onProgress?: (rows: number) => void;
}

const MAX_LISTED = 1000;

/** The published form to import into, or 404 / 409. */
export async function publishedForm(store: Store, formId: string): Promise<FormDefinition> {
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
 * dry run holds only the report. A commit checks the whole file first, keeping its valid rows in a
 * spool on disk (and, for skipInvalid, its rejected rows as CSV in another), then writes them in
 * batches inside one transaction with one audit entry: all or nothing — nothing at all when a row is
 * bad and the importer chose `rejectAll`, the valid rows for `skipInvalid` — and an interrupted
 * import leaves nothing half-written. Memory does not grow with the file's length.
 */
export async function runImport(store: Store, request: ImportRequest): Promise<ImportResult> {
  const form = await publishedForm(store, request.formId);
  const fields = importableFields(form, indexFields(form.data).fields.values()).filter(
    (field) => !isHidden(field.path, request.hidden),
  );
  let choice: MappingChoice | undefined;
  let given: ColumnMapping | undefined;
  const use = request.savedMappings;
  const converted = await tableToRecords(
    request.table,
    fields,
    compileRecordValidator(form),
    async (headers) => {
      given = typeof request.mapping === 'function' ? request.mapping(headers, fields) : request.mapping;
      if (!use) return given ?? autoMapColumns(headers, fields);
      choice = await chooseMapping(store, {
        formId: request.formId,
        headers,
        fields,
        hidden: request.hidden,
        mapping: given,
        use,
        actor: request.writer.actor,
      });
      return choice.mapping;
    },
  );
  const mappingSource: MappingSource = given ? 'given' : choice?.applied ? 'saved' : 'labels';
  const mapped = new Set(converted.mapping);
  const missingRequired = fields
    .filter((f) => f.required && !f.path.includes('.') && !mapped.has(f.path))
    .map((f) => f.path);
  const issues: ImportIssue[] = [];
  const skipInvalid = request.onInvalid === 'skipInvalid';
  let rows = 0;
  let invalid = 0;
  let issueCount = 0;
  let inserted = 0;
  let rejected: RejectedRows | undefined;
  const spool = request.mode === 'commit' ? await RowSpool.create() : undefined;
  try {
    for await (const row of withUniqueChecks(store, request.formId, form, converted)) {
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
      if (spool && skipInvalid) {
        rejected ??= await RejectedRows.create(converted.headers, request.locale);
        await rejected.add(row.row, row.cells, describe(row.issues, request.locale));
      }
    }
    if (spool && spool.size > 0 && (invalid === 0 || skipInvalid))
      inserted = await commitRows(store, {
        formId: request.formId,
        spool,
        writer: request.writer,
        summary: (written: WrittenRecords) => ({
          formId: request.formId,
          formVersion: written.formVersion,
          file: request.origin.fileName ?? null,
          via: request.origin.via,
          onInvalid: request.onInvalid,
          rows,
          count: written.count,
          rejected: invalid,
          mapping: {
            source: mappingSource,
            ...(choice?.applied ? { signature: choice.applied.signature } : {}),
            columns: converted.headers.flatMap((header, i) => {
              const field = converted.mapping[i];
              return field ? [[header, field]] : [];
            }),
          },
          records: { first: written.first, last: written.last },
        }),
      });
  } catch (error) {
    await rejected?.remove();
    throw error;
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
  const report: ImportReport = {
    headers: converted.headers,
    mapping: converted.mapping,
    mappingSource,
    missingRequired,
    rows,
    valid: rows - invalid,
    invalid,
    issues,
    issueCount,
    inserted,
    ...(choice?.applied ? { savedMapping: choice.applied } : {}),
    mappingSaved,
  };
  return rejected ? { report, rejected } : { report };
}
