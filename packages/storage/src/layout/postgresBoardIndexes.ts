import type { Dialect } from '../dialect/Dialect.ts';
import type { FormLayout } from './FormLayout.ts';

/**
 * Text bytes a row may hold, over all its text columns, to enter the board indexes. A B-tree entry
 * may not exceed 2,704 bytes; an entry of at most 32 columns (30 fields, owner, org unit) holding at
 * most 2,000 bytes of text needs at most 2,000 + 32 × 4 (varlena headers) + 32 × 7 (alignment) +
 * 31 × 8 (numbers) + 16 (tuple header) < 2,704 bytes, so no write can fail on an index entry too wide.
 */
const FITTING_TEXT_BYTES = 2000;

/** The text columns of a typed record table: owner, org unit, and every text and multi-select field. */
function textColumns(layout: FormLayout): string[] {
  const text = layout.columns.filter((c) => c.kind === 'string' || c.kind === 'multiSelect');
  return ['owner_id', 'org_unit_id', ...text.map((c) => c.column)];
}

/** The bytes of text in a row: the sum over its text columns (blank ones count 0). */
const textBytes = (layout: FormLayout, prefix: string) =>
  `(${textColumns(layout)
    .map((column) => `COALESCE(octet_length(${prefix}${column}), 0)`)
    .join(' + ')})`;

/**
 * Whether a row of the typed table fits the board indexes, and whether it does not: the predicates
 * of the partial board indexes and of their twin (`…_long`, the rows too wide for them), written
 * once so that a query (`typedRows`) states them in the very words the indexes were created with —
 * PostgreSQL uses a partial index only when the query's WHERE clause contains its predicate. The
 * bound is a literal, never a parameter, for the same reason. `prefix` qualifies the columns (`r.`).
 */
export function fittingRows(
  layout: FormLayout,
  prefix = '',
): { readonly fits: string; readonly long: string } {
  const bytes = textBytes(layout, prefix);
  return { fits: `${bytes} <= ${FITTING_TEXT_BYTES}`, long: `${bytes} > ${FITTING_TEXT_BYTES}` };
}

/** Columns of one index at most: 30 fields (as SQLite's), owner and org unit. */
const MAX_COLUMNS = 32;

/**
 * The board indexes PostgreSQL wants from the column lists the boards' specs ask for (see
 * `syncBoardIndexes`): one per leading column — the dashboard's date field, or a group field without
 * one — covering every column the lists led by it hold. PostgreSQL hashes groups, so no index needs
 * them in order; what it needs is every column a pass reads in one index, and a board's passes over a
 * date range are read together (`passFamilies`): one index for all of them, instead of one per key.
 */
function byLeadingColumn(
  lists: readonly (readonly string[])[],
  nameOf: (columns: readonly string[]) => string,
): Map<string, readonly string[]> {
  const merged = new Map<string, Set<string>>();
  for (const list of lists) {
    const [lead, ...rest] = list;
    if (lead === undefined) continue;
    merged.set(lead, new Set([...(merged.get(lead) ?? []), ...rest]));
  }
  // The lead, then the others sorted: the same columns in whatever order the specs come give one name.
  const indexes = [...merged].map(([lead, rest]) =>
    [lead, ...[...rest].filter((c) => c !== lead).sort()].slice(0, MAX_COLUMNS),
  );
  return new Map(indexes.map((columns) => [nameOf(columns), columns]));
}

/**
 * PostgreSQL's board indexes on a form's typed record table (`byLeadingColumn`, named by `nameOf`
 * as SQLite's are: the table and a hash of the columns), created as partial
 * indexes over the rows that fit (`fittingRows`), so that a query reading only their columns is an
 * index-only scan; their twin over the rest, always there, so reading those rows is one look into an
 * (almost always empty) index instead of a scan of the table; and those no board wants dropped.
 * Index-only scans skip the table only for pages the visibility map marks all-visible, which VACUUM
 * sets: autovacuum is asked to come by after 2 % of new rows rather than 20 %.
 */
export async function syncPostgresBoardIndexes(
  tx: Dialect,
  layout: FormLayout,
  lists: readonly (readonly string[])[],
  nameOf: (columns: readonly string[]) => string,
): Promise<void> {
  const wanted = byLeadingColumn(lists, nameOf);
  const { fits, long } = fittingRows(layout);
  const prefix = `${layout.table}_b`;
  const rows = await tx.query<{ name: string }>(
    'SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?',
    [layout.table],
  );
  const existing = rows.map((r) => r.name);
  for (const name of existing)
    if (name.startsWith(prefix) && !wanted.has(name)) await tx.run(`DROP INDEX ${name}`);
  // Sorting for an index build gets more memory than a query's default 4 MB, in this transaction only.
  if ([...wanted.keys(), `${layout.table}_long`].some((name) => !existing.includes(name)))
    await tx.run("SET LOCAL maintenance_work_mem = '256MB'");
  for (const [name, columns] of wanted)
    if (!existing.includes(name))
      await tx.run(`CREATE INDEX ${name} ON ${layout.table} (${columns.join(', ')}) WHERE ${fits}`);
  if (!existing.includes(`${layout.table}_long`)) {
    await tx.run(`CREATE INDEX ${layout.table}_long ON ${layout.table} (record_id) WHERE ${long}`);
    await tx.run(`ALTER TABLE ${layout.table} SET (autovacuum_vacuum_insert_scale_factor = 0.02)`);
    // Without statistics of the rows' text bytes, the planner takes `fits` to keep a third of the
    // rows, and sorts groups it would hash; with them, nearly all.
    await tx.run(`CREATE STATISTICS ${layout.table}_text ON ${textBytes(layout, '')} FROM ${layout.table}`);
    await tx.run(`ANALYZE ${layout.table}`);
  }
}
