import type { DashboardWidget } from '@formboard/schema';

/** One result row of a widget query: group fields and the time bucket by path, measures by id,
 * and `$previous` with the previous period's measures when the query compares with it. */
export type Row = Readonly<Record<string, unknown>>;

/** What the viewer set a dashboard filter to: a keyword or preset, fixed days, or chosen ids. */
export type FilterValue = string | readonly string[] | { readonly from: string; readonly to: string };

/** The viewer's value per dashboard filter id (absent: the filter's default applies on the server). */
export type FilterValues = Readonly<Record<string, FilterValue>>;

/** Fetches a widget's rows with the dashboard's filters; the host decides how (HTTP, in-process…). */
export type WidgetLoader = (widgetId: string, filters: FilterValues) => Promise<readonly Row[]>;

/** A record change the host heard about (e.g. from the server's event stream). */
export interface RecordChange {
  /** The form whose records changed; widgets whose query reads it reload. */
  readonly formId: string;
}

/** Subscribes to record changes; returns the unsubscribe function. */
export type SubscribeToChanges = (listener: (change: RecordChange) => void) => () => void;

/** A person or org unit the viewer can pick in a filter, and how group values are labelled. */
export interface NamedOption {
  readonly id: string;
  readonly name: string;
}

/** The widgets that carry a query. */
export type QueryWidget = Extract<DashboardWidget, { query: unknown }>;

/** The query of a widget, if it has one. */
export function queryOf(widget: DashboardWidget): QueryWidget['query'] | undefined {
  return 'query' in widget ? widget.query : undefined;
}

/** The form a widget's data comes from; undefined when it has none (alert lists, text). */
export function sourceOf(widget: DashboardWidget): string | undefined {
  if (widget.type === 'alignmentTree') return widget.tree.source;
  return queryOf(widget)?.source;
}

/** Whether a widget shows data the loader fetches (every type but text). */
export function readsData(widget: DashboardWidget): boolean {
  return widget.type !== 'text';
}
