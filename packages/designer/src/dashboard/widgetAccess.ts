import { type Refused, refuse } from '../core/Command.ts';
import type { Dashboard, Widget } from './dashboardTypes.ts';

/** The index of widget `id` in the dashboard, or -1. */
export function widgetIndex(dashboard: Dashboard, id: string): number {
  return dashboard.widgets.findIndex((w) => w.id === id);
}

/** The widget with `id`, or undefined. */
export function widgetOf(dashboard: Dashboard, id: string): Widget | undefined {
  return dashboard.widgets.find((w) => w.id === id);
}

/** The refusal for an id that names no widget. */
export function noWidget(id: string): Refused {
  return refuse(`没有组件 ${id}`, `there is no widget ${id}`);
}

/** The dashboard with widget `id` replaced by `widget` (the same dashboard when it is the same). */
export function replaceWidget(dashboard: Dashboard, id: string, widget: Widget): Dashboard {
  const index = widgetIndex(dashboard, id);
  if (index < 0 || dashboard.widgets[index] === widget) return dashboard;
  const widgets = [...dashboard.widgets];
  widgets[index] = widget;
  return { ...dashboard, widgets };
}
