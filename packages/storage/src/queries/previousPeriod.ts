import type { DashboardQuery } from '@formboard/schema';
import type { QueryFilters } from './compileQuery.ts';

/** The key under which a row carries its measures for the previous period. */
export const PREVIOUS = '$previous';

type Row = Record<string, unknown>;

const DAY = 86_400_000;

/** The same-length date range just before `range` (ISO dates, `to` exclusive). */
export function previousRange(range: { from: string; to: string }): { from: string; to: string } {
  const from = Date.parse(`${range.from.slice(0, 10)}T00:00:00Z`);
  const to = Date.parse(`${range.to.slice(0, 10)}T00:00:00Z`);
  const days = Math.round((to - from) / DAY);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(from - days * DAY), to: iso(from) };
}

/** The filters of the previous period, when the dashboard's date range defines one. */
export function previousFilters(filters: QueryFilters): QueryFilters | undefined {
  const range = filters.dateRange;
  if (!range?.from || !range.to) return undefined;
  return {
    ...filters,
    dateRange: { field: range.field, ...previousRange({ from: range.from, to: range.to }) },
  };
}

function measures(query: DashboardQuery, row: Row | undefined): Row | null {
  if (!row) return null;
  return Object.fromEntries(query.measures.map((m) => [m.id, row[m.id] ?? null]));
}

const groupKey = (query: DashboardQuery, row: Row) =>
  JSON.stringify((query.groupBy ?? []).map((g) => row[g] ?? null));

/** Attaches the previous period's measures from a second query run over the previous date range. */
export function attachFromPreviousRun(query: DashboardQuery, rows: Row[], previous: readonly Row[]): Row[] {
  const byGroup = new Map(previous.map((row) => [groupKey(query, row), row]));
  return rows.map((row) => ({ ...row, [PREVIOUS]: measures(query, byGroup.get(groupKey(query, row))) }));
}

/** Attaches to each time bucket the measures of the bucket before it in the same group. */
export function attachPreviousBucket(query: DashboardQuery, rows: Row[]): Row[] {
  const bucketField = query.timeBucket?.field ?? '';
  const last = new Map<string, Row>();
  const ordered = [...rows].sort((a, b) => String(a[bucketField]).localeCompare(String(b[bucketField])));
  const previousOf = new Map<Row, Row | undefined>();
  for (const row of ordered) {
    const key = groupKey(query, row);
    previousOf.set(row, last.get(key));
    last.set(key, row);
  }
  return rows.map((row) => ({ ...row, [PREVIOUS]: measures(query, previousOf.get(row)) }));
}
