import { Readable } from 'node:stream';
import { compileRecordValidator, type FieldInfo, type FormDefinition, indexFields } from '@formboard/schema';
import type { Store, User } from '@formboard/storage';
import { ApiError } from '../http/ApiError.ts';
import { autoMapColumns, importableFields } from '../imports/columnMapping.ts';
import { readOrgChart } from '../imports/orgChart.ts';
import { readTable } from '../imports/readTable.ts';
import { type ImportIssue, tableToRecords } from '../imports/tableToRecords.ts';
import { sampleShiftDays, shiftRowDates } from './sampleDates.ts';
import type { ValidPack } from './validatePack.ts';

/** What loading a pack's sample data wrote. */
export interface SampleDataReport {
  readonly people: number;
  /** Records written per form. */
  readonly records: Readonly<Record<string, number>>;
}

// Sample data files name rows by a key in their first column; a record-reference cell holds the key
// of the referenced row. Each record belongs to the person in its owner field (or employee, receiver).
const KEY_COLUMN = 'key';
const OWNER_FIELDS = ['owner', 'employee', 'receiver', 'giver'];
const PEOPLE_FILE = 'data/people.csv';

const tableOf = (text: string) => readTable(Readable.from([Buffer.from(text, 'utf8')]), 'csv');

function failed(file: string, issues: readonly ImportIssue[]): ApiError {
  const first = issues[0];
  const where = first ? `${file} row ${first.row}${first.column ? ` ${first.column}` : ''}` : file;
  return new ApiError(
    422,
    'badSampleData',
    {
      'zh-CN': `示例数据有误（${where}）：${first?.message['zh-CN'] ?? ''}`,
      en: `the sample data is wrong (${where}): ${first?.message.en ?? ''}`,
    },
    issues.map((issue) => ({ file, ...issue })),
  );
}

async function loadPeople(store: Store, text: string, author: string): Promise<User[]> {
  const existing = new Set((await store.people.users()).map((user) => user.id));
  const chart = await readOrgChart(tableOf(text), existing);
  if (chart.issues.length > 0) throw failed(PEOPLE_FILE, chart.issues);
  for (const unit of chart.units) await store.people.saveOrgUnit(unit, author);
  await store.people.saveUsers(chart.users, author);
  return chart.users;
}

/**
 * Loads a pack's sample data after installing it (its dates moved by whole weeks so the manifest's
 * `sampleDataAsOf` falls in the week of `today`; `onProgress` hears each form's rows once written): `data/people.csv` (an org chart sheet) when present,
 * then each `sampleData` file in manifest order, referenced forms first. Every row is converted and
 * validated like an import; any bad row stops the load with its file, row and column.
 */
export async function loadSampleData(
  store: Store,
  pack: ValidPack,
  author: string,
  today: Date = new Date(),
  onProgress?: (formId: string, rows: number) => void,
): Promise<SampleDataReport> {
  // The sample company lives in the present: its dates move by whole weeks to this week.
  const shiftDays = sampleShiftDays(pack.manifest.sampleDataAsOf, today);
  const peopleText = pack.files.get(PEOPLE_FILE);
  const people = peopleText ? (await loadPeople(store, peopleText, author)).length : 0;
  const units = new Map((await store.people.users()).map((user) => [user.id, user.orgUnitId]));
  const idsByForm = new Map<string, Map<string, string>>();
  const records: Record<string, number> = {};
  for (const { form: formId, file } of pack.manifest.sampleData ?? []) {
    const info = await store.definitions.getInfo(formId);
    const form = (await store.definitions.get(formId, info.publishedVersion ?? info.headVersion))
      .content as unknown as FormDefinition;
    const fields = importableFields(form, indexFields(form.data).fields.values());
    const keys = new Map<string, string>();
    idsByForm.set(formId, keys);
    const written = await loadForm(
      store,
      { form, fields, text: pack.files.get(file) ?? '', file, author, shiftDays },
      {
        idsByForm,
        keys,
        units,
      },
    );
    records[formId] = written;
    onProgress?.(formId, written);
  }
  return { people, records };
}

interface FormFile {
  readonly form: FormDefinition;
  readonly fields: readonly FieldInfo[];
  readonly text: string;
  readonly file: string;
  readonly author: string;
  /** Days to move date and date-time values by (see sampleShiftDays). */
  readonly shiftDays: number;
}

interface Lookups {
  readonly idsByForm: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** This form's own keys → ids, filled as rows are written (rows may point at earlier rows). */
  readonly keys: Map<string, string>;
  readonly units: ReadonlyMap<string, string | null>;
}

interface SelfReference {
  readonly key: string;
  readonly column: string;
  readonly assign: (id: string) => void;
}

interface PendingRow {
  readonly row: number;
  readonly key: string;
  readonly data: Record<string, unknown>;
  readonly owner: string;
  /** Rows of the same form this row points at: their key, and where the id goes once it exists. */
  readonly needs: readonly SelfReference[];
}

const targetOf = (field: FieldInfo) =>
  field.format === 'record' && typeof field.schema['x-form'] === 'string'
    ? field.schema['x-form']
    : undefined;

/** A cell of a table column: the table's rows as a JSON array of objects. */
function tableRows(text: string): Record<string, unknown>[] | undefined {
  if (text.trim() === '') return [];
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) &&
      value.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))
      ? (value as Record<string, unknown>[])
      : undefined;
  } catch {
    return undefined;
  }
}

async function loadForm(store: Store, source: FormFile, lookups: Lookups): Promise<number> {
  const { form, file } = source;
  const all = [...indexFields(form.data).fields.values()];
  const table = tableOf(source.text);
  const first = await table.next();
  const headers = first.done ? [] : first.value.cells.map((cell) => cell.trim());
  if (headers[0] !== KEY_COLUMN)
    throw failed(file, [
      {
        row: 1,
        message: { 'zh-CN': '第一列应是 key（行的键）', en: 'the first column must be key (the row key)' },
      },
    ]);
  // Repeating tables come as a JSON array in one column headed by the table's path.
  const tables = all.filter((field) => field.kind === 'table' && !field.inTable);
  const tableAt = new Map(
    tables.flatMap((field) => {
      const index = headers.indexOf(field.path);
      return index > 0 ? [[index, field.path] as const] : [];
    }),
  );
  const mapping = autoMapColumns(headers, source.fields).map((path, index) =>
    index === 0 || tableAt.has(index) ? null : path,
  );
  const validate = compileRecordValidator(form);
  const inTables = (path: string) => tables.some((t) => path === t.path || path.startsWith(`${t.path}[`));
  const converted = await tableToRecords(
    (async function* () {
      yield { row: 1, cells: headers };
      yield* table;
    })(),
    source.fields,
    // Tables are filled in below; the full check runs once they are.
    (data) => validate(data).filter((issue) => !inTables(issue.path)),
    mapping,
  );
  const references = all.filter((field) => targetOf(field) !== undefined);
  const ownerField = OWNER_FIELDS.find((name) =>
    source.fields.some((f) => f.path === name && f.format === 'user'),
  );
  const problem = (row: number, column: string, zh: string, en: string) =>
    failed(file, [{ row, column, message: { 'zh-CN': zh, en } }]);
  // A key to an id: another form's now; this form's once its row is written (`needs` waits for it).
  const resolve = (
    row: number,
    field: FieldInfo,
    key: string,
    needs: SelfReference[],
    assign: (id: string) => void,
  ) => {
    const target = String(targetOf(field));
    if (target === form.id) {
      needs.push({ key, column: field.path, assign });
      return;
    }
    const id = lookups.idsByForm.get(target)?.get(key);
    if (!id)
      throw problem(
        row,
        field.path,
        `找不到 ${target} 中键为 ${key} 的行`,
        `no row with key ${key} in ${target}`,
      );
    assign(id);
  };
  const pending: PendingRow[] = [];
  for await (const row of converted.rows) {
    if (row.issues.length > 0) throw failed(file, row.issues);
    const data = { ...row.data };
    const needs: SelfReference[] = [];
    for (const [index, path] of tableAt) {
      const rows = tableRows(row.cells[index] ?? '');
      if (!rows) throw problem(row.row, path, '表格列应是 JSON 数组', 'a table column must be a JSON array');
      if (rows.length > 0) data[path] = rows;
    }
    for (const field of references) {
      if (field.inTable) {
        const [tablePath, column] = field.path.split('[].') as [string, string];
        for (const cells of (data[tablePath] as Record<string, unknown>[] | undefined) ?? []) {
          const key = cells[column];
          if (typeof key === 'string') resolve(row.row, field, key, needs, (id) => (cells[column] = id));
        }
      } else {
        const key = data[field.path];
        if (typeof key === 'string') resolve(row.row, field, key, needs, (id) => (data[field.path] = id));
      }
    }
    shiftRowDates(data, all, source.shiftDays);
    const issues = validate(data);
    if (issues.length > 0)
      throw failed(
        file,
        issues.map((issue) => ({
          row: row.row,
          column: issue.path,
          field: issue.path,
          message: issue.message,
        })),
      );
    const owner =
      ownerField && typeof data[ownerField] === 'string' ? (data[ownerField] as string) : source.author;
    pending.push({ row: row.row, key: row.cells[0] ?? '', data, owner, needs });
  }
  const keys = new Set(pending.map((row) => row.key));
  for (const row of pending)
    for (const need of row.needs)
      if (!keys.has(need.key))
        throw problem(
          row.row,
          need.column,
          `找不到 ${form.id} 中键为 ${need.key} 的行`,
          `no row with key ${need.key} in ${form.id}`,
        );
  await writeInWaves(store, source, lookups, pending);
  return pending.length;
}

/**
 * Writes rows in as few transactions as their references allow: every row whose same-form references
 * are already written goes in the next wave (an objective tree of four levels takes four).
 */
async function writeInWaves(store: Store, source: FormFile, lookups: Lookups, rows: readonly PendingRow[]) {
  let waiting = rows;
  while (waiting.length > 0) {
    const ready = waiting.filter((row) => row.needs.every((need) => lookups.keys.has(need.key)));
    if (ready.length === 0) {
      const stuck = waiting[0] as PendingRow;
      const keys = stuck.needs.map((need) => need.key);
      throw failed(source.file, [
        {
          row: stuck.row,
          message: {
            'zh-CN': `引用的行形成了循环：${keys.join('、')}`,
            en: `its references form a cycle: ${keys.join(', ')}`,
          },
        },
      ]);
    }
    for (const row of ready)
      for (const need of row.needs) need.assign(lookups.keys.get(need.key) ?? need.key);
    const written = await store.records.insertMany(
      source.form.id,
      ready.map((row) => row.data),
      // Sample data is a finished picture (key results already hold their check-ins' values): it
      // starts no workflow runs.
      { actor: source.author, events: false },
      ready.map((row) => ({ ownerId: row.owner, orgUnitId: lookups.units.get(row.owner) ?? null })),
    );
    for (const [index, record] of written.entries()) lookups.keys.set(ready[index]?.key ?? '', record.id);
    waiting = waiting.filter((row) => !ready.includes(row));
  }
}
