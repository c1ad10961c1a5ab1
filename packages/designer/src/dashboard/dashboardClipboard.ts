import { DASHBOARD_SCHEMA_VERSION, dashboardKind, validateAs } from '@formboard/schema';
import { type Command, refuse } from '../core/Command.ts';
import type { DocumentAdapter } from '../core/DocumentAdapter.ts';
import { removeWidgets } from './commands/removeWidgets.ts';
import { isOpenChoice } from './dashboardProblems.ts';
import type { Dashboard, Widget } from './dashboardTypes.ts';
import { firstFreeSpot } from './gridLayout.ts';
import { uniqueWidgetId } from './widgetIds.ts';

// Copied widgets travel as a small dashboard definition of their own, stacked in one column of a
// 24-column grid, so pasting text from anywhere (the system clipboard) is validated as a
// dashboard before a widget is added.

/** The copied widgets as a dashboard definition; undefined when none of the ids is a widget. */
export function copyWidgets(dashboard: Dashboard, ids: readonly string[]): Dashboard | undefined {
  const chosen = new Set(ids);
  let y = 0;
  const widgets = dashboard.widgets
    .filter((w) => chosen.has(w.id))
    .map((w) => {
      const layout = { ...w.layout, x: 0, y };
      y += w.layout.h;
      return { ...w, layout } as Widget;
    });
  if (widgets.length === 0) return undefined;
  return {
    kind: 'dashboard',
    id: 'clipboard',
    schemaVersion: DASHBOARD_SCHEMA_VERSION,
    title: 'clipboard',
    grid: { columns: 24 },
    widgets,
  };
}

/** Adds copied widgets with new ids, each at the first free place of its size; selects them. */
export function pasteWidgets(payload: unknown, nextId: () => string): Command<Dashboard> {
  return {
    label: { 'zh-CN': '粘贴', en: 'Paste' },
    run(dashboard) {
      // Widgets still waiting for a choice (a source form) copy as they are.
      const checked = validateAs(dashboardKind, payload);
      const valid = checked.ok || checked.issues.every(isOpenChoice);
      if (!valid || (payload as { kind?: unknown }).kind !== 'dashboard') {
        return refuse('剪贴板内容不是有效的看板组件', 'the clipboard does not hold valid dashboard widgets');
      }
      const copied = (payload as Dashboard).widgets;
      if (dashboard.widgets.length + copied.length > 100) {
        return refuse('一个看板最多 100 个组件', 'a dashboard holds at most 100 widgets');
      }
      const { columns } = dashboard.grid;
      let widgets = dashboard.widgets;
      const ids: string[] = [];
      for (const widget of copied) {
        const id = uniqueWidgetId({ ...dashboard, widgets }, widget.type, nextId);
        const layout = firstFreeSpot(widgets, widget.layout.w, widget.layout.h, columns);
        widgets = [...widgets, { ...widget, id, layout } as Widget];
        ids.push(id);
      }
      return { document: { ...dashboard, widgets }, selection: ids };
    },
  };
}

/** The dashboard kind of the generic document store: widgets are selected, copied, pasted, removed. */
export function dashboardAdapter(nextId: () => string): DocumentAdapter<Dashboard> {
  return {
    kind: 'dashboard',
    has: (dashboard, id) => dashboard.widgets.some((w) => w.id === id),
    copy: (dashboard, ids) => copyWidgets(dashboard, ids),
    paste: (payload) => pasteWidgets(payload, nextId),
    remove: (ids) => removeWidgets(ids),
  };
}
