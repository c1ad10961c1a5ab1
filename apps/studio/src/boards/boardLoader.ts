import type { WidgetLoader } from '@formboard/dashboard';
import type { DashboardDefinition } from '@formboard/schema';
import { api, queryString } from '../api/client.ts';
import type { Alert, RecordPage } from '../api/types.ts';

type Rows = Awaited<ReturnType<WidgetLoader>>;

const TREE_PAGE = 500;
/** A tree larger than this is cut (a company's objective tree is a few thousand nodes at most). */
const TREE_LIMIT = 5000;

/** An alignment tree's rows: the source form's records the viewer may see, as `{ $id, ...data }`. */
async function treeRows(source: string, filter: string | undefined): Promise<Rows> {
  const rows: Record<string, unknown>[] = [];
  for (let offset = 0; offset < TREE_LIMIT; offset += TREE_PAGE) {
    const page = await api<RecordPage>(
      `/api/forms/${encodeURIComponent(source)}/records${queryString({ filter, offset, limit: TREE_PAGE })}`,
    );
    rows.push(...page.records.map((record) => ({ $id: record.id, ...record.data })));
    if (offset + TREE_PAGE >= page.total) break;
  }
  return rows as unknown as Rows;
}

/**
 * A board's widget loader: query widgets ask the board's data route (with the filters, within the
 * viewer's scope); alert lists read the viewer's alerts; alignment trees read their form's records.
 */
export function boardLoader(definition: DashboardDefinition): WidgetLoader {
  const widgets = new Map(definition.widgets.map((widget) => [widget.id, widget]));
  return async (widgetId, filters) => {
    const widget = widgets.get(widgetId);
    if (widget?.type === 'alertList') return (await api<Alert[]>('/api/alerts')) as unknown as Rows;
    if (widget?.type === 'alignmentTree') return treeRows(widget.tree.source, widget.tree.filter);
    const path = `/api/dashboards/${encodeURIComponent(definition.id)}/widgets/${encodeURIComponent(widgetId)}/data`;
    return (await api<{ rows: Rows }>(path, { method: 'POST', body: { filters } })).rows;
  };
}

/** Every form a board reads: query sources and tree sources (what to reload after a reconnect). */
export function boardSources(definition: DashboardDefinition): string[] {
  return [
    ...new Set(
      definition.widgets.flatMap((widget) => {
        if ('query' in widget && widget.query) return [widget.query.source];
        if (widget.type === 'alignmentTree') return [widget.tree.source];
        return [];
      }),
    ),
  ];
}
