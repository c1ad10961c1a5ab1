import {
  type FormDefinition,
  type FormUnique,
  fieldPointer,
  indexFields,
  localize,
  type UniqueKey,
  uniqueKey,
  uniqueKeyText,
} from '@formboard/schema';
import { describeConflict, type Store, type UniqueConflict } from '@formboard/storage';
import type { ConvertedRow, ConvertedTable, ImportIssue } from './tableToRecords.ts';

// Valid rows asked about in one look-up of the stored records (one statement per constraint).
const CHUNK_ROWS = 1000;

/** A row's conflict, told without its own row number (the import's issue carries that). */
type Conflict = Omit<UniqueConflict, 'row'>;

/** A conflict with an earlier row of the same file. */
function inFile(formId: string, constraint: FormUnique, values: UniqueKey, earlierRow: number): Conflict {
  return {
    formId,
    constraint: constraint.id,
    fields: constraint.fields.map(fieldPointer),
    values,
    ...(constraint.message === undefined
      ? {}
      : {
          message: { 'zh-CN': localize(constraint.message, 'zh-CN'), en: localize(constraint.message, 'en') },
        }),
    records: [],
    rows: [earlierRow],
  };
}

/**
 * The rows of an import, with those that would break a uniqueness constraint of the form (`unique`)
 * made invalid — a row holding the values of a stored record, or of an earlier row of the file — so
 * a dry run lists them by row and a commit treats them as any bad row. Rows are checked as they were
 * read (the store's computed fields are not applied: a constraint over a computed field is checked
 * when the commit writes). Valid rows are held back 1,000 at a time for one look-up of the stored
 * records; beyond that only the keys of the file's rows are kept, to find repeats within the file.
 */
export async function* withUniqueChecks(
  store: Store,
  formId: string,
  form: FormDefinition,
  table: ConvertedTable,
): AsyncGenerator<ConvertedRow> {
  const constraints = form.unique ?? [];
  if (constraints.length === 0) return yield* table.rows;
  const fields = indexFields(form.data);
  const firstRows = constraints.map(() => new Map<string, number>());
  const issue = (row: ConvertedRow, conflict: Conflict): ImportIssue => {
    const path = constraints.find((c) => c.id === conflict.constraint)?.fields[0];
    const at = path === undefined ? -1 : table.mapping.indexOf(path);
    const column = at < 0 ? undefined : table.headers[at];
    return {
      row: row.row,
      ...(column === undefined ? {} : { column }),
      ...(path === undefined ? {} : { field: path }),
      message: describeConflict(conflict),
    };
  };
  let held: ConvertedRow[] = [];
  async function* release(): AsyncGenerator<ConvertedRow> {
    const found = new Map<ConvertedRow, ImportIssue[]>();
    const add = (row: ConvertedRow, conflict: Conflict) =>
      found.set(row, [...(found.get(row) ?? []), issue(row, conflict)]);
    const ask: ConvertedRow[] = [];
    for (const row of held) {
      if (row.issues.length > 0) continue;
      let first = false;
      constraints.forEach((constraint, i) => {
        const key = uniqueKey(constraint, fields, row.data);
        const seen = firstRows[i];
        if (!key || !seen) return;
        const earlier = seen.get(uniqueKeyText(key));
        if (earlier !== undefined) add(row, inFile(formId, constraint, key, earlier));
        else {
          seen.set(uniqueKeyText(key), row.row);
          first = true;
        }
      });
      if (first) ask.push(row);
    }
    // Repeats within the file were found above, across chunks; the store adds the stored records.
    const stored = await store.uniqueKeys.conflicts(
      formId,
      ask.map((row) => row.data),
    );
    for (const { row, ...conflict } of stored) {
      const asked = row === undefined ? undefined : ask[row - 1];
      if (asked && conflict.records.length > 0) add(asked, conflict);
    }
    for (const row of held) {
      const issues = found.get(row);
      yield issues ? { ...row, issues: [...row.issues, ...issues] } : row;
    }
    held = [];
  }
  for await (const row of table.rows) {
    held.push(row);
    if (held.length >= CHUNK_ROWS) yield* release();
  }
  yield* release();
}
