import type { DashboardDefinition, DashboardQuery } from '@formboard/schema';
import { DEFAULT_TIME_ZONE } from '@formboard/schema';
import type { QueryFilters, Store, User } from '@formboard/storage';
import { ApiError } from '../http/ApiError.ts';
import { dayAfter, resolveDatePreset } from './datePresets.ts';

/** What a viewer set a dashboard filter to: a preset or fixed days, unit ids, person ids, or a keyword. */
export type FilterValue = string | readonly string[] | { readonly from: string; readonly to: string };

const invalid = (id: string) =>
  new ApiError(
    400,
    'invalidFilter',
    { 'zh-CN': `筛选条件 ${id} 的取值无效`, en: `invalid value for filter ${id}` },
    [{ pointer: `/body/filters/${id}` }],
  );

async function withSubUnits(store: Store, units: readonly string[], include: boolean): Promise<string[]> {
  if (!include) return [...units];
  return [...new Set((await Promise.all(units.map((unit) => store.people.orgUnitSubtree(unit)))).flat())];
}

/**
 * The dashboard's filters as a widget's query filters: the viewer's values (or each filter's default)
 * for the filters bound to the widget's source form and not ignored by it. Date ranges narrow the
 * bound field; org-unit and person filters narrow the records' org unit and owner.
 */
export async function widgetFilters(
  store: Store,
  viewer: User,
  dashboard: DashboardDefinition,
  query: DashboardQuery,
  values: Readonly<Record<string, FilterValue>>,
  nowMs: number,
): Promise<QueryFilters> {
  let filters: QueryFilters = {};
  for (const filter of dashboard.filters ?? []) {
    const field = Object.hasOwn(filter.fields, query.source) ? filter.fields[query.source] : undefined;
    if (!field || query.ignoreFilters?.includes(filter.id)) continue;
    const value = Object.hasOwn(values, filter.id)
      ? values[filter.id]
      : (filter.default as FilterValue | undefined);
    if (value === undefined || value === 'all') continue;
    if (filter.type === 'dateRange') {
      const range =
        typeof value === 'string'
          ? resolveDatePreset(value, filter.timeZone ?? DEFAULT_TIME_ZONE, nowMs)
          : !Array.isArray(value) && typeof value === 'object'
            ? (value as { from: string; to: string })
            : undefined;
      if (!range || !/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to))
        throw invalid(filter.id);
      filters = { ...filters, dateRange: { field, from: range.from, to: dayAfter(range.to) } };
    } else if (filter.type === 'orgUnit') {
      const units =
        value === 'mine'
          ? viewer.orgUnitId
            ? [viewer.orgUnitId]
            : []
          : Array.isArray(value)
            ? value
            : undefined;
      if (!units) throw invalid(filter.id);
      filters = {
        ...filters,
        orgUnitIds: await withSubUnits(store, units, filter.includeSubUnits !== false),
      };
    } else {
      const people =
        value === 'me'
          ? [viewer.id]
          : value === 'myReports'
            ? (await store.people.reportsOf(viewer.id, 'all')).map((user) => user.id)
            : Array.isArray(value)
              ? value
              : undefined;
      if (!people) throw invalid(filter.id);
      filters = { ...filters, ownerIds: [...people] };
    }
  }
  return filters;
}
