import type { FilterValues, WidgetLoader } from '@formboard/dashboard';
import type { DashboardDefinition } from '@formboard/schema';
import { ApiFailure, api, queryString } from '../api/client.ts';
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

type Answer = { readonly rows: Rows } | { readonly error: { status: number; code: string; message: string } };

interface Waiting {
  readonly widgetIds: Set<string>;
  readonly callers: { widgetId: string; resolve: (rows: Rows) => void; reject: (error: unknown) => void }[];
}

/**
 * Query widgets' loads, gathered over one turn of the event loop and sent as one
 * `POST /api/dashboards/:id/data` per set of filter values: a board opening (or reloading after a
 * submit) costs one request instead of one per widget, and its widgets draw together. Each widget
 * still gets its own rows or its own error.
 */
function batchedQueries(dashboardId: string): (widgetId: string, filters: FilterValues) => Promise<Rows> {
  const waiting = new Map<string, Waiting>();
  const send = async (filters: FilterValues, batch: Waiting) => {
    try {
      const path = `/api/dashboards/${encodeURIComponent(dashboardId)}/data`;
      const body = { widgetIds: [...batch.widgetIds], filters };
      const { widgets } = await api<{ widgets: Record<string, Answer> }>(path, { method: 'POST', body });
      for (const caller of batch.callers) {
        const answer = Object.hasOwn(widgets, caller.widgetId) ? widgets[caller.widgetId] : undefined;
        if (answer && 'rows' in answer) caller.resolve(answer.rows);
        else
          caller.reject(
            new ApiFailure(
              answer?.error.status ?? 500,
              answer?.error.code ?? 'missing',
              answer?.error.message ?? '',
            ),
          );
      }
    } catch (error) {
      for (const caller of batch.callers) caller.reject(error);
    }
  };
  return (widgetId, filters) =>
    new Promise<Rows>((resolve, reject) => {
      const key = JSON.stringify(filters);
      let batch = waiting.get(key);
      if (!batch) {
        const created: Waiting = { widgetIds: new Set(), callers: [] };
        waiting.set(key, created);
        setTimeout(() => {
          waiting.delete(key);
          void send(filters, created);
        }, 0);
        batch = created;
      }
      batch.widgetIds.add(widgetId);
      batch.callers.push({ widgetId, resolve, reject });
    });
}

/**
 * A board's widget loader: query widgets ask the board's data route (with the filters, within the
 * viewer's scope), batched per turn; alert lists read the viewer's alerts; alignment trees read their
 * form's records.
 */
export function boardLoader(definition: DashboardDefinition): WidgetLoader {
  const widgets = new Map(definition.widgets.map((widget) => [widget.id, widget]));
  const queries = batchedQueries(definition.id);
  return async (widgetId, filters) => rowsWithoutQuery(widgets.get(widgetId)) ?? queries(widgetId, filters);
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
