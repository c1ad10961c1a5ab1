import type { DashboardDefinition } from '../schemas/dashboardDefinition.ts';
import type { Report } from '../validate/issues.ts';

/** Checks the grid: every widget fits the grid's width and no two widgets share a cell. */
export function checkDashboardLayout(dashboard: DashboardDefinition, report: Report): void {
  const { columns } = dashboard.grid;
  const widgets = dashboard.widgets;
  widgets.forEach((widget, i) => {
    const { x, w } = widget.layout;
    if (x + w > columns) {
      report(
        `/widgets/${i}/layout`,
        'dashboard.outOfGrid',
        {
          'zh-CN': `组件 ${widget.id} 超出网格宽度：x + w = ${x + w}，网格只有 ${columns} 列`,
          en: `widget ${widget.id} is wider than the grid: x + w = ${x + w} but the grid has ${columns} columns`,
        },
        widget.layout,
      );
    }
    for (let j = 0; j < i; j++) {
      const other = widgets[j];
      if (!other || !overlaps(other.layout, widget.layout)) continue;
      report(
        `/widgets/${i}/layout`,
        'dashboard.overlap',
        {
          'zh-CN': `组件 ${widget.id} 与 ${other.id} 位置重叠`,
          en: `widgets ${widget.id} and ${other.id} overlap`,
        },
        [other.id, widget.id],
      );
    }
  });
}

type Box = DashboardDefinition['widgets'][number]['layout'];

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
