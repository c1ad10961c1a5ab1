import { type FormDefinition, uniqueKeyText } from '@formboard/schema';
import type { Dialect } from '../dialect/Dialect.ts';
import type { FormLayout } from '../layout/FormLayout.ts';
import { type UniqueConflict, UniqueConstraintError } from './UniqueConstraintError.ts';
import {
  describedConstraint,
  keySql,
  readValue,
  type UniqueColumns,
  uniqueColumns,
  uniqueIndexPrefix,
  valueSql,
} from './uniqueColumns.ts';

// A publication refused for existing duplicates lists this many groups of records at most.
const LISTED_GROUPS = 100;

/** The form version a layout follows, as stored. */
async function definitionAt(tx: Dialect, layout: FormLayout): Promise<FormDefinition> {
  const [row] = await tx.query<{ content: string }>(
    'SELECT content FROM definition_versions WHERE definition_id = ? AND version = ?',
    [layout.formId, layout.formVersion],
  );
  return (row ? JSON.parse(row.content) : {}) as FormDefinition;
}

async function indexNames(tx: Dialect, table: string): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(
    tx.name === 'postgres'
      ? 'SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?'
      : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
    [table],
  );
  return rows.map((r) => r.name);
}

/** Groups of live records that share the values of a constraint (compared exactly, '' as blank). */
async function duplicates(tx: Dialect, layout: FormLayout, unique: UniqueColumns): Promise<UniqueConflict[]> {
  const values = unique.columns.map((c) => valueSql(c));
  const names = unique.columns.map((c, i) => `${valueSql(c)} AS k${i}`);
  const rows = await tx.query<Record<string, unknown>>(
    `SELECT record_id, ${unique.columns.map((_, i) => `k${i}`).join(', ')} FROM (
       SELECT record_id, ${names.join(', ')}, COUNT(*) OVER (PARTITION BY ${values.join(', ')}) AS n
       FROM ${layout.table} WHERE ${values.map((v) => `${v} IS NOT NULL`).join(' AND ')}
     ) AS d WHERE n > 1 ORDER BY ${unique.columns.map((_, i) => `k${i}`).join(', ')}, record_id`,
  );
  const groups = new Map<string, UniqueConflict & { records: string[] }>();
  for (const row of rows) {
    const key = unique.columns.map((c, i) => readValue(c, row[`k${i}`]));
    const text = uniqueKeyText(key);
    const group = groups.get(text);
    if (group) group.records.push(String(row.record_id));
    else if (groups.size < LISTED_GROUPS)
      groups.set(text, {
        formId: layout.formId,
        constraint: unique.constraint.id,
        ...describedConstraint(unique.constraint),
        values: key,
        records: [String(row.record_id)],
      });
  }
  return [...groups.values()];
}

/**
 * Makes the unique indexes of a form's typed record table match the uniqueness constraints of the
 * version it follows, in the caller's (publishing or rebuilding) transaction: drops those no longer
 * wanted and creates the missing ones — after checking the live records, so a version whose
 * constraints the records already break is refused (`UniqueConstraintError` listing them) instead
 * of failing inside the database. The index, not a check before each write, is what holds the rule:
 * the database refuses a second record with the same values whoever writes it, at any concurrency.
 */
export async function syncUniqueIndexes(tx: Dialect, layout: FormLayout): Promise<void> {
  const wanted = uniqueColumns(layout, await definitionAt(tx, layout));
  const prefix = uniqueIndexPrefix(layout);
  const existing = (await indexNames(tx, layout.table)).filter((name) => name.startsWith(prefix));
  const names = new Set(wanted.map((u) => u.index));
  for (const name of existing) if (!names.has(name)) await tx.run(`DROP INDEX ${name}`);
  const missing = wanted.filter((u) => !existing.includes(u.index));
  const conflicts: UniqueConflict[] = [];
  for (const unique of missing) conflicts.push(...(await duplicates(tx, layout, unique)));
  if (conflicts.length > 0) throw new UniqueConstraintError(conflicts, true);
  for (const unique of missing) {
    const keys = unique.columns.map((c) => (c.kind === 'string' ? `(${keySql(tx.name, c)})` : c.column));
    await tx.run(`CREATE UNIQUE INDEX ${unique.index} ON ${layout.table} (${keys.join(', ')})`);
  }
}
