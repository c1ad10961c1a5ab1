import type { DashboardDefinition, DashboardFilter, DashboardWidget, GridLayout } from '@formboard/schema';

/** The document the dashboard designer edits: a dashboard definition. */
export type Dashboard = DashboardDefinition;

/** One widget of a dashboard. */
export type Widget = DashboardWidget;

/** The kinds of widget the definition language has. */
export type WidgetType = Widget['type'];

/** A dashboard-level filter. */
export type Filter = DashboardFilter;

/** The kinds of dashboard filter. */
export type FilterType = Filter['type'];

/** A widget's place on the grid: columns (x, w) and rows (y, h) from the top left. */
export type Box = GridLayout;

/** A widget type that carries a query (every type but the alert list, alignment tree and text). */
export type QueryWidget = Extract<Widget, { query: unknown }>;

/** Every widget type, in palette order. */
export const WIDGET_TYPES: readonly WidgetType[] = [
  'kpi',
  'gauge',
  'gapBoard',
  'leaderboard',
  'line',
  'bar',
  'pie',
  'funnel',
  'heatmap',
  'scatter',
  'table',
  'nineBox',
  'alertList',
  'alignmentTree',
  'text',
];

/** Whether a widget carries a query. */
export function hasQuery(widget: Widget): widget is QueryWidget {
  return 'query' in widget;
}
