import type { Command } from '../../core/Command.ts';
import type { Box, Dashboard } from '../dashboardTypes.ts';
import { clampBox, placeWidget, sameBox } from '../gridLayout.ts';
import { noWidget, widgetOf } from '../widgetAccess.ts';

/** Moves or resizes a widget to `box` (kept inside the grid); widgets it would overlap move down. */
function arrange(
  id: string,
  box: (current: Box, columns: number) => Box,
  label: Command<Dashboard>['label'],
): Command<Dashboard> {
  return {
    label,
    run(dashboard) {
      const widget = widgetOf(dashboard, id);
      if (!widget) return noWidget(id);
      const target = clampBox(box(widget.layout, dashboard.grid.columns), dashboard.grid.columns);
      if (sameBox(target, widget.layout)) return { document: dashboard };
      return { document: { ...dashboard, widgets: placeWidget(dashboard.widgets, id, target) } };
    },
  };
}

/** Moves a widget's top-left corner to (x, y). */
export function moveWidget(id: string, x: number, y: number): Command<Dashboard> {
  return arrange(id, (b) => ({ ...b, x, y }), { 'zh-CN': '移动组件', en: 'Move widget' });
}

/** Resizes a widget to w × h cells (no wider than the grid right of it). */
export function resizeWidget(id: string, w: number, h: number): Command<Dashboard> {
  return arrange(
    id,
    // A resize keeps the left edge: the width stops at the grid's right edge.
    (b, columns) => ({ ...b, w: Math.min(w, columns - b.x), h }),
    { 'zh-CN': '调整组件大小', en: 'Resize widget' },
  );
}
