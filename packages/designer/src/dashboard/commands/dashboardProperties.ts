import { type Command, refuse } from '../../core/Command.ts';
import type { Dashboard, Widget } from '../dashboardTypes.ts';
import { settle } from '../gridLayout.ts';

/** Dashboard properties `setDashboardProperty` edits (the grid's columns have `setColumns`). */
export type DashboardProperty = 'title' | 'description' | 'rowHeight' | 'refreshSeconds';

const KEYS = new Set<string>(['title', 'description', 'rowHeight', 'refreshSeconds']);

/** Sets the title, description, row height or refresh interval, or removes an optional one with undefined. */
export function setDashboardProperty(key: DashboardProperty, value: unknown): Command<Dashboard> {
  return {
    label: { 'zh-CN': '修改看板设置', en: 'Change dashboard setting' },
    mergeKey: `dashboard:${key}`,
    run(dashboard) {
      if (!KEYS.has(key)) return refuse(`不能这样修改 ${key}`, `${key} cannot be changed this way`);
      if (key === 'rowHeight') {
        const { rowHeight: _, ...grid } = dashboard.grid;
        const next = value === undefined ? grid : { ...grid, rowHeight: value as number };
        return { document: { ...dashboard, grid: next } };
      }
      const current = (dashboard as Record<string, unknown>)[key];
      if (current === value) return { document: dashboard };
      const next: Record<string, unknown> = { ...dashboard };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return { document: next as Dashboard };
    },
  };
}

/**
 * Switches the grid between 12 and 24 columns, scaling every widget's x and width so the board keeps
 * its look (from 24 to 12, odd positions and widths round: x down, width up, never below one column;
 * widgets that would then overlap move down).
 */
export function setColumns(columns: 12 | 24): Command<Dashboard> {
  return {
    label: { 'zh-CN': '修改网格列数', en: 'Change grid columns' },
    run(dashboard) {
      const from = dashboard.grid.columns;
      if (from === columns) return { document: dashboard };
      if (columns !== 12 && columns !== 24)
        return refuse('网格只能是 12 或 24 列', 'the grid has 12 or 24 columns');
      const scaled = dashboard.widgets.map((w): Widget => {
        const { x, w: width } = w.layout;
        const layout =
          columns > from
            ? { ...w.layout, x: x * 2, w: width * 2 }
            : { ...w.layout, x: Math.floor(x / 2), w: Math.max(1, Math.ceil(width / 2)) };
        return { ...w, layout: { ...layout, w: Math.min(layout.w, columns - layout.x) } } as Widget;
      });
      return { document: { ...dashboard, grid: { ...dashboard.grid, columns }, widgets: settle(scaled) } };
    },
  };
}
