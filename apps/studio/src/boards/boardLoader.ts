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

type Widget = DashboardDefinition['widgets'][number];

/** The rows of a widget without a query: alert lists read the viewer's alerts, alignment trees their form's records. */
function rowsWithoutQuery(widget: Widget | undefined): Promise<Rows> | undefined {
  if (widget?.type === 'alertList') return api<Alert[]>('/api/alerts') as unknown as Promise<Rows>;
  if (widget?.type === 'alignmentTree') return treeRows(widget.tree.source, widget.tree.filter);
  return undefined;
}

/**
 * A board's widget loader: query widgets ask the board's data route (with the filters, within the
 * viewer's scope); alert lists read the viewer's alerts; alignment trees read their form's records.
 */
export function boardLoader(definition: DashboardDefinition): WidgetLoader {
  const widgets = new Map(definition.widgets.map((widget) => [widget.id, widget]));
  return async (widgetId, filters) => {
    const without = rowsWithoutQuery(widgets.get(widgetId));
    if (without) return without;
    const path = `/api/dashboards/${encodeURIComponent(definition.id)}/widgets/${encodeURIComponent(widgetId)}/data`;
    return (await api<{ rows: Rows }>(path, { method: 'POST', body: { filters } })).rows;
  };
}

/**
 * A widget's rows while it is being designed (not saved yet): its query runs as it is through
 * `POST /api/queries`, within the designer's record scope, without the board's filters.
 */
export async function previewRows(widget: Widget): Promise<Rows> {
  const without = rowsWithoutQuery(widget);
  if (without) return without;
  if (!('query' in widget) || !widget.query) return [] as unknown as Rows;
  return (await api<{ rows: Rows }>('/api/queries', { method: 'POST', body: { query: widget.query } })).rows;
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
