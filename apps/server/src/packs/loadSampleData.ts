import { Readable } from 'node:stream';
import { compileRecordValidator, type FieldInfo, type FormDefinition, indexFields } from '@formboard/schema';
import type { Store, User } from '@formboard/storage';
import { ApiError } from '../http/ApiError.ts';
import { autoMapColumns, importableFields } from '../imports/columnMapping.ts';
import { readOrgChart } from '../imports/orgChart.ts';
import { readTable } from '../imports/readTable.ts';
import { type ImportIssue, tableToRecords } from '../imports/tableToRecords.ts';
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
 * Loads a pack's sample data after installing it: `data/people.csv` (an org chart sheet) when present,
 * then each `sampleData` file in manifest order, referenced forms first. Every row is converted and
 * validated like an import; any bad row stops the load with its file, row and column.
 */
export async function loadSampleData(
  store: Store,
  pack: ValidPack,
  author: string,
): Promise<SampleDataReport> {
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
      { form, fields, text: pack.files.get(file) ?? '', file, author },
      {
        idsByForm,
        keys,
        units,
      },
    );
    records[formId] = written;
  }
  return { people, records };
}

interface FormFile {
  readonly form: FormDefinition;
  readonly fields: readonly FieldInfo[];
  readonly text: string;
  readonly file: string;
  readonly author: string;
}

interface Lookups {
  readonly idsByForm: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** This form's own keys → ids, filled as rows are written (rows may point at earlier rows). */
  readonly keys: Map<string, string>;
  readonly units: ReadonlyMap<string, string | null>;
}

async function loadForm(store: Store, source: FormFile, lookups: Lookups): Promise<number> {
  const table = tableOf(source.text);
  const first = await table.next();
  const headers = first.done ? [] : first.value.cells.map((cell) => cell.trim());
  if (headers[0] !== KEY_COLUMN)
    throw failed(source.file, [
      {
        row: 1,
        message: { 'zh-CN': '第一列应是 key（行的键）', en: 'the first column must be key (the row key)' },
      },
    ]);
  const mapping = autoMapColumns(headers, source.fields).map((path, index) => (index === 0 ? null : path));
  const converted = await tableToRecords(
    (async function* () {
      yield { row: 1, cells: headers };
      yield* table;
    })(),
    source.fields,
    compileRecordValidator(source.form),
    mapping,
  );
  const references = source.fields.filter(
    (field) => field.format === 'record' && typeof field.schema['x-form'] === 'string',
  );
  const ownerField = OWNER_FIELDS.find((name) =>
    source.fields.some((f) => f.path === name && f.format === 'user'),
  );
  // Rows that point at rows of their own form (an objective's parent) are written one by one, in file
  // order; other forms are written in one transaction per owner.
  const selfReferencing = references.some((field) => field.schema['x-form'] === source.form.id);
  const pending = new Map<string, { key: string; data: Record<string, unknown> }[]>();
  const write = async (owner: string, rows: readonly { key: string; data: Record<string, unknown> }[]) => {
    const written = await store.records.insertMany(
      source.form.id,
      rows.map((row) => row.data),
      { actor: source.author, ownerId: owner, orgUnitId: lookups.units.get(owner) ?? null },
    );
    for (const [index, record] of written.entries()) lookups.keys.set(rows[index]?.key ?? '', record.id);
  };
  let count = 0;
  for await (const row of converted.rows) {
    if (row.issues.length > 0) throw failed(source.file, row.issues);
    const data = { ...row.data };
    for (const field of references) {
      const key = data[field.path];
      if (typeof key !== 'string') continue;
      const target = String(field.schema['x-form']);
      const id = (target === source.form.id ? lookups.keys : lookups.idsByForm.get(target))?.get(key);
      if (!id)
        throw failed(source.file, [
          {
            row: row.row,
            column: field.path,
            message: {
              'zh-CN': `找不到 ${target} 中键为 ${key} 的行`,
              en: `no row with key ${key} in ${target}`,
            },
          },
        ]);
      data[field.path] = id;
    }
    const owner =
      ownerField && typeof data[ownerField] === 'string' ? (data[ownerField] as string) : source.author;
    const entry = { key: row.cells[0] ?? '', data };
    if (selfReferencing) await write(owner, [entry]);
    else {
      const rows = pending.get(owner) ?? [];
      rows.push(entry);
      pending.set(owner, rows);
    }
    count++;
  }
  for (const [owner, rows] of pending) await write(owner, rows);
  return count;
}
