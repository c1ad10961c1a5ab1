import { type DashboardDefinition, type DashboardQuery, type FieldIndex, tableOf } from '@formboard/schema';
import { sha256 } from '../canonicalJson.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { insertRows } from '../dialect/insertRows.ts';
import { familyKeys, gatherByKeys } from '../queries/familyKeys.ts';
import { formulaReads } from '../queries/formulaReads.ts';
import type { FormLayout } from './FormLayout.ts';
import { syncPostgresBoardIndexes } from './postgresBoardIndexes.ts';

/** The fields of a form one board query reads, in index order: its grouping keys first. */
export interface BoardIndexSpec {
  readonly formId: string;
  readonly paths: readonly string[];
}

// Enough for any board query (3 groups, a bucket, 20 measures, filters); bounds the index's width.
const MAX_FIELDS = 30;

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * The index a board query wants on its form's typed record table: keyed by the dashboard's date range
 * field when one is bound to the form, then its groups, its time bucket's field and the fields it
 * counts distinct values of — so a date range is one seek, and inside it the index hands rows over
 * grouped by day and group, with no sort — and covering every other field it reads (measures, filter,
 * the dashboard filters bound to this form), so the query never leaves the index. Without a bound
 * date range, queries without groups read every row anyway and get none; queries over a repeating
 * table read the JSON data: none for them.
 */
function specOf(
  query: DashboardQuery,
  boundFields: readonly string[],
  dateField: string | undefined,
): { keys: string[]; paths: string[] } | undefined {
  const fields = query.measures.flatMap((m) => ('field' in m && m.field ? [m] : []));
  const keys = unique([
    ...(dateField ? [dateField] : []),
    ...(query.groupBy ?? []),
    ...(query.timeBucket ? [query.timeBucket.field] : []),
    ...fields.filter((m) => m.op === 'distinct').map((m) => m.field ?? ''),
  ]);
  if (keys.length === 0) return undefined;
  const paths = unique([
    ...keys,
    ...fields.map((m) => m.field ?? ''),
    ...formulaReads(query.filter),
    ...boundFields,
  ]);
  if (paths.some((path) => tableOf(path) !== undefined)) return undefined;
  return { keys, paths };
}

/** A widget query's board index spec, with what a pass family needs to share one with others. */
type WidgetSpec = {
  readonly formId: string;
  readonly keys: readonly string[];
  readonly paths: readonly string[];
  readonly dateField: string | undefined;
  /** The rows it reads: its form, and which of the dashboard's filters apply to it. */
  readonly rows: string;
  /** Its family keys (see `familyKeys`), if its pass can be rolled up from a carrier. */
  readonly familyKeys: readonly string[] | undefined;
};

/**
 * The board indexes a dashboard's widgets want. Widgets whose passes can be rolled up from a carrier
 * (groups, filters and buckets over few-valued fields and dates, measures that combine; `fieldsOf`
 * gives their forms' fields) share an index per family, as `passFamilies` gathers them: led by the
 * date range field, then the family's keys (those most of its widgets read first, so that a family of
 * some of them — the previous period's — reads a short prefix), covering what they all read. On
 * SQLite a carrier grouped by a prefix of it needs no sort. Other widgets get one index per form and
 * key, covering what every widget with that key reads (people's tables share one led by the date).
 */
export function boardIndexSpecs(
  dashboard: DashboardDefinition,
  fieldsOf: (formId: string) => FieldIndex | undefined = () => undefined,
): BoardIndexSpec[] {
  const specs = new Map<string, BoardIndexSpec>();
  const add = (formId: string, keys: readonly string[], paths: readonly string[]) => {
    const key = JSON.stringify([formId, keys]);
    specs.set(key, {
      formId,
      paths: unique([...(specs.get(key)?.paths ?? []), ...paths]).slice(0, MAX_FIELDS),
    });
  };
  const widgets: WidgetSpec[] = [];
  for (const widget of dashboard.widgets) {
    if (!('query' in widget) || !widget.query) continue;
    const query = widget.query;
    const ignored = new Set(query.ignoreFilters ?? []);
    const bound = (dashboard.filters ?? []).filter(
      (filter) => filter.fields[query.source] !== undefined && !ignored.has(filter.id),
    );
    const dateField = bound.find((filter) => filter.type === 'dateRange')?.fields[query.source];
    const boundFields = bound.flatMap((filter) => filter.fields[query.source] ?? []);
    const spec = specOf(query, boundFields, dateField);
    if (!spec) continue;
    const index = fieldsOf(query.source);
    const rows = JSON.stringify([query.source, bound.map((filter) => filter.id)]);
    widgets.push({
      formId: query.source,
      ...spec,
      dateField,
      rows,
      familyKeys: index && familyKeys(query, index),
    });
  }
  for (const w of widgets) if (!w.familyKeys) add(w.formId, w.keys, w.paths);
  const families = gatherByKeys(
    widgets.filter((w) => w.familyKeys),
    (w) => w.rows,
    (w) => w.familyKeys ?? [],
  );
  for (const { members } of families) {
    const first = members[0] as WidgetSpec;
    const uses = (path: string) => members.filter((w) => w.familyKeys?.includes(path)).length;
    const keys = unique(members.flatMap((w) => w.familyKeys ?? [])).filter(
      (path) => path !== first.dateField,
    );
    const lead = [...(first.dateField ? [first.dateField] : []), ...keys.sort((a, b) => uses(b) - uses(a))];
    if (lead.length > 0) add(first.formId, lead, [...lead, ...members.flatMap((w) => w.paths)]);
  }
  return [...specs.values()];
}

/** Replaces the board index specs a dashboard registers; returns the forms whose indexes may change. */
export async function registerBoardSpecs(
  tx: Dialect,
  dashboardId: string,
  specs: readonly BoardIndexSpec[],
): Promise<string[]> {
  const before = await tx.query<{ form_id: string }>(
    'SELECT form_id FROM board_indexes WHERE dashboard_id = ?',
    [dashboardId],
  );
  await tx.run('DELETE FROM board_indexes WHERE dashboard_id = ?', [dashboardId]);
  await insertRows(
    tx,
    'board_indexes',
    ['dashboard_id', 'form_id', 'paths'],
    specs.map((spec) => [dashboardId, spec.formId, JSON.stringify(spec.paths)]),
  );
  return unique([...before.map((r) => r.form_id), ...specs.map((s) => s.formId)]);
}

/** A board index's name: its table's, and a hash of its columns (an unchanged index keeps its name). */
export const boardIndexName = (layout: FormLayout, columns: readonly string[]): string =>
  `${layout.table}_b${sha256(columns.join(',')).slice(0, 12)}`;

async function indexNames(tx: Dialect, table: string): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
    [table],
  );
  return rows.map((r) => r.name);
}

/**
 * The column lists of the board indexes published dashboards want on a form's typed record table,
 * from the specs they register: the specs' fields, then owner and org unit. Specs naming a field the
 * form no longer has are skipped (their widgets fail to compile anyway).
 */
export async function wantedColumnLists(tx: Dialect, layout: FormLayout): Promise<string[][]> {
  const rows = await tx.query<{ paths: string }>(
    'SELECT DISTINCT paths FROM board_indexes WHERE form_id = ?',
    [layout.formId],
  );
  const columnOf = new Map(layout.columns.map((c) => [c.path, c.column]));
  const lists: string[][] = [];
  for (const row of rows) {
    const columns = (JSON.parse(row.paths) as string[]).map((path) => columnOf.get(path));
    if (columns.some((c) => c === undefined)) continue;
    lists.push([...(columns as string[]), 'owner_id', 'org_unit_id']);
  }
  return lists;
}

/**
 * Makes the board indexes on a form's typed record table match the specs published dashboards
 * register for it, in the caller's transaction: creates the missing ones, drops those no board wants
 * any more. Index names hash their columns, so an unchanged index is kept, never rebuilt.
 *
 * SQLite has no hash aggregation, so a GROUP BY sorts every row unless an index hands them over in
 * group order. PostgreSQL hashes groups, but reads every row of the table for a date range unless an
 * index led by the date covers what the query reads (an index-only scan); its indexes are partial,
 * over the rows whose text fits a B-tree entry (see `postgresBoardIndexes.ts`). Publishing a dashboard
 * builds PostgreSQL's after the commit instead, concurrently (`postgresIndexBuilds.ts`).
 */
export async function syncBoardIndexes(tx: Dialect, layout: FormLayout): Promise<void> {
  const lists = await wantedColumnLists(tx, layout);
  if (tx.name === 'postgres')
    return syncPostgresBoardIndexes(tx, layout, lists, (columns) => boardIndexName(layout, columns));
  const wanted = new Map(lists.map((all) => [boardIndexName(layout, all), all]));
  const prefix = `${layout.table}_b`;
  const existing = (await indexNames(tx, layout.table)).filter((name) => name.startsWith(prefix));
  for (const name of existing) if (!wanted.has(name)) await tx.run(`DROP INDEX ${name}`);
  for (const [name, columns] of wanted)
    if (!existing.includes(name))
      await tx.run(`CREATE INDEX ${name} ON ${layout.table} (${columns.join(', ')})`);
}

/**
 * The columns each board index on a form's typed record table is keyed by, in order (SQLite): what
 * `passFamilies` picks a carrier's keys from. Reading them costs one look into the schema.
 */
export async function sqliteBoardIndexes(db: Dialect, layout: FormLayout): Promise<string[][]> {
  const prefix = `${layout.table}_b`;
  const rows = await db.query<{ name: string; column: string }>(
    `SELECT m.name AS name, i.name AS "column" FROM sqlite_master AS m, pragma_index_info(m.name) AS i
     WHERE m.type = 'index' AND m.tbl_name = ? AND substr(m.name, 1, ?) = ? ORDER BY m.name, i.seqno`,
    [layout.table, prefix.length, prefix],
  );
  const indexes = new Map<string, string[]>();
  for (const row of rows) indexes.set(row.name, [...(indexes.get(row.name) ?? []), row.column]);
  return [...indexes.values()];
}
