import { type Command, refuse } from '../../core/Command.ts';
import type { Dashboard, Filter, FilterType, Widget } from '../dashboardTypes.ts';
import { parsePath, setPath } from '../editPath.ts';
import { fitsFilter, type SourceCatalog } from '../sourceForms.ts';
import { sourceOf } from '../widgetDefaults.ts';

/** The most filters a dashboard may have (the schema's limit). */
const MAX_FILTERS = 10;

const DEFAULTS: Readonly<Record<FilterType, { id: string; filter: Omit<Filter, 'id' | 'fields'> }>> = {
  dateRange: {
    id: 'period',
    filter: { type: 'dateRange', label: { 'zh-CN': '期间', en: 'Period' }, default: 'thisMonth' },
  },
  orgUnit: {
    id: 'unit',
    filter: { type: 'orgUnit', label: { 'zh-CN': '部门', en: 'Unit' }, default: 'all' },
  },
  person: {
    id: 'person',
    filter: { type: 'person', label: { 'zh-CN': '人员', en: 'Person' }, default: 'all' },
  },
};

/** For each source form the widgets read, its first field of the filter's kind. */
export function filterBindings(
  dashboard: Dashboard,
  type: FilterType,
  sources: SourceCatalog,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const widget of dashboard.widgets) {
    const source = sourceOf(widget);
    if (!source || Object.hasOwn(fields, source)) continue;
    const field = sources.get(source)?.fields.find((f) => fitsFilter(f, type));
    if (field) fields[source] = field.path;
  }
  return fields;
}

/**
 * Adds a dashboard filter of a type, bound in every source form the widgets read to that form's first
 * field of the right kind (a date, an org unit, a person). A form without one is left unbound.
 */
export function addFilter(type: FilterType, sources: SourceCatalog): Command<Dashboard> {
  return {
    label: { 'zh-CN': '添加筛选器', en: 'Add filter' },
    run(dashboard) {
      const filters = dashboard.filters ?? [];
      if (filters.length >= MAX_FILTERS) {
        return refuse(
          `一个看板最多 ${MAX_FILTERS} 个筛选器`,
          `a dashboard has at most ${MAX_FILTERS} filters`,
        );
      }
      const base = DEFAULTS[type];
      const taken = new Set(filters.map((f) => f.id));
      let id = base.id;
      for (let n = 2; taken.has(id); n++) id = `${base.id}${n}`;
      const filter = { ...base.filter, id, fields: filterBindings(dashboard, type, sources) } as Filter;
      return { document: { ...dashboard, filters: [...filters, filter] } };
    },
  };
}

/** Removes a filter, and its id from the widgets that opted out of it. */
export function removeFilter(id: string): Command<Dashboard> {
  return {
    label: { 'zh-CN': '删除筛选器', en: 'Remove filter' },
    run(dashboard) {
      const filters = (dashboard.filters ?? []).filter((f) => f.id !== id);
      if (filters.length === (dashboard.filters ?? []).length) return { document: dashboard };
      const widgets = dashboard.widgets.map((w): Widget => {
        const ignored = 'query' in w ? w.query.ignoreFilters : undefined;
        if (!ignored?.includes(id)) return w;
        const { ignoreFilters: _, ...query } = (w as Extract<Widget, { query: unknown }>).query;
        const rest = ignored.filter((f) => f !== id);
        return { ...w, query: rest.length > 0 ? { ...query, ignoreFilters: rest } : query } as Widget;
      });
      const { filters: _, ...rest } = dashboard;
      return { document: filters.length > 0 ? { ...rest, filters, widgets } : { ...rest, widgets } };
    },
  };
}

/**
 * Sets a filter's property by dotted path — `label`, `default`, `timeZone`, `includeSubUnits`,
 * `multiple`, `fields.<formId>` (the field it narrows in that form; undefined unbinds) — or removes it.
 */
export function setFilterProperty(id: string, key: string, value: unknown): Command<Dashboard> {
  return {
    label: { 'zh-CN': '修改筛选器', en: 'Change filter' },
    mergeKey: `filter:${id}:${key}`,
    run(dashboard) {
      const path = parsePath(key);
      if (!path || path[0] === 'id' || path[0] === 'type') {
        return refuse(`不能这样修改 ${key}`, `${key} cannot be changed this way`);
      }
      const filters = dashboard.filters ?? [];
      const index = filters.findIndex((f) => f.id === id);
      const filter = filters[index];
      if (!filter) return refuse(`没有筛选器 ${id}`, `there is no filter ${id}`);
      const next = setPath(filter, path, value) as Filter;
      if (next === filter) return { document: dashboard };
      const copy = [...filters];
      copy[index] = next;
      return { document: { ...dashboard, filters: copy } };
    },
  };
}
