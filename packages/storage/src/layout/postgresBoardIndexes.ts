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

/** One step bringing a typed table's board indexes in line: an index to create, or one to drop. */
export type IndexStep =
  | { readonly drop: string }
  | { readonly create: string; readonly columns: readonly string[] }
  | { readonly twin: string };

/**
 * What to do to a typed table's board indexes, given the column lists the boards' specs ask for
 * (`byLeadingColumn`, named by `nameOf`): drop the invalid ones (a `CREATE INDEX CONCURRENTLY` that
 * failed or whose process died leaves its index behind, unused, and it is built again) and those no
 * board wants; create the wanted ones missing; and the twin, if missing.
 */
export async function indexSteps(
  db: Dialect,
  layout: FormLayout,
  lists: readonly (readonly string[])[],
  nameOf: (columns: readonly string[]) => string,
): Promise<IndexStep[]> {
  const wanted = byLeadingColumn(lists, nameOf);
  const rows = await db.query<{ name: string; valid: boolean }>(
    `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i
     JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ? AND t.relnamespace = current_schema()::regnamespace`,
    [layout.table],
  );
  const valid = new Set(rows.filter((r) => r.valid).map((r) => r.name));
  const twin = `${layout.table}_long`;
  const ours = (name: string) => name.startsWith(`${layout.table}_b`) || name === twin;
  return [
    ...rows
      .filter((r) => ours(r.name) && (!r.valid || !(wanted.has(r.name) || r.name === twin)))
      .map((r) => ({ drop: r.name })),
    ...[...wanted].filter(([name]) => !valid.has(name)).map(([name, columns]) => ({ create: name, columns })),
    ...(valid.has(twin) ? [] : [{ twin }]),
  ];
}

/**
 * The statements of a step. Created `concurrently`, an index is built without blocking the table's
 * writers (outside any transaction); otherwise in the caller's transaction, which holds writers off
 * until it ends. After the twin: autovacuum after 2 % of new rows, and the statistics of text sizes.
 */
export function stepStatements(layout: FormLayout, step: IndexStep, concurrently: boolean): string[] {
  const how = concurrently ? 'CONCURRENTLY IF EXISTS ' : 'IF EXISTS ';
  if ('drop' in step) return [`DROP INDEX ${how}${step.drop}`];
  const create = concurrently ? 'CREATE INDEX CONCURRENTLY IF NOT EXISTS' : 'CREATE INDEX';
  const { fits, long } = fittingRows(layout);
  if ('create' in step)
    return [`${create} ${step.create} ON ${layout.table} (${step.columns.join(', ')}) WHERE ${fits}`];
  return [
    `${create} ${step.twin} ON ${layout.table} (record_id) WHERE ${long}`,
    `ALTER TABLE ${layout.table} SET (autovacuum_vacuum_insert_scale_factor = 0.02)`,
    // Without statistics of the rows' text bytes, the planner takes `fits` to keep a third of the
    // rows, and sorts groups it would hash; with them, nearly all.
    `CREATE STATISTICS IF NOT EXISTS ${layout.table}_text ON ${textBytes(layout, '')} FROM ${layout.table}`,
    `ANALYZE ${layout.table}`,
  ];
}

/**
 * PostgreSQL's board indexes on a form's typed record table, in the caller's transaction (a new or
 * rebuilt table, a store migration; dashboards' are built after their publication commits, see
 * `postgresIndexBuilds.ts`): named as SQLite's are (the table and a hash of the columns), created as
 * partial indexes over the rows that fit (`fittingRows`), so that a query reading only their columns
 * is an index-only scan; their twin over the rest, always there, so reading those rows is one look
 * into an (almost always empty) index instead of a scan of the table; and those no board wants
 * dropped. Index-only scans skip the table only for pages the visibility map marks all-visible, which
 * VACUUM sets: autovacuum is asked to come by after 2 % of new rows rather than 20 %.
 */
export async function syncPostgresBoardIndexes(
  tx: Dialect,
  layout: FormLayout,
  lists: readonly (readonly string[])[],
  nameOf: (columns: readonly string[]) => string,
): Promise<void> {
  const steps = await indexSteps(tx, layout, lists, nameOf);
  // Sorting for an index build gets more memory than a query's default 4 MB, in this transaction only.
  if (steps.some((step) => !('drop' in step))) await tx.run("SET LOCAL maintenance_work_mem = '256MB'");
  for (const step of steps)
    for (const statement of stepStatements(layout, step, false)) await tx.run(statement);
}
