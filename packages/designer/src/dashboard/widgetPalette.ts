import type { LocalizedMessage } from '@formboard/formula';
import { createPalette, type Palette, type PaletteEntry, type PaletteGroup } from '../form/palette.ts';
import type { WidgetType } from './dashboardTypes.ts';

/** One card of the dashboard palette: a widget type with its names, icon and search words. */
export interface WidgetPaletteItem extends PaletteEntry {
  /** The widget type it adds (the item's id in the palette). */
  readonly type: WidgetType;
  /** Default size on a 12-column grid (doubled on 24 columns). */
  readonly size: { readonly w: number; readonly h: number };
}

/** A group of the dashboard palette, in display order. */
export type WidgetPaletteGroup = PaletteGroup;

/** The dashboard palette: groups and items by widget type, searchable, extensible. */
export type WidgetPalette = Palette<WidgetPaletteItem>;

/** The palette's groups. */
export const WIDGET_GROUPS: readonly WidgetPaletteGroup[] = [
  { id: 'indicators', name: { 'zh-CN': '指标', en: 'Indicators' } },
  { id: 'charts', name: { 'zh-CN': '图表', en: 'Charts' } },
  { id: 'lists', name: { 'zh-CN': '列表与分析', en: 'Lists and analysis' } },
  { id: 'content', name: { 'zh-CN': '内容', en: 'Content' } },
];

const item = (
  type: WidgetType,
  group: string,
  zh: string,
  en: string,
  icon: string,
  size: [number, number],
  keywords: readonly string[] = [],
): WidgetPaletteItem => ({
  type,
  group,
  name: { 'zh-CN': zh, en },
  icon,
  size: { w: size[0], h: size[1] },
  keywords,
});

/** Every widget type of the definition language, in palette order. */
export const WIDGET_ITEMS: readonly WidgetPaletteItem[] = [
  item('kpi', 'indicators', '指标卡', 'KPI card', 'kpi', [3, 3], ['kpi', '数字', 'number']),
  item('gauge', 'indicators', '仪表盘', 'Gauge', 'gauge', [3, 4], ['进度', 'progress']),
  item('gapBoard', 'indicators', '差距看板', 'Gap board', 'gapBoard', [6, 6], ['目标', 'target', 'progress']),
  item('leaderboard', 'indicators', '排行榜', 'Leaderboard', 'leaderboard', [4, 6], ['排名', 'rank', 'top']),
  item('line', 'charts', '折线图', 'Line chart', 'line', [6, 5], ['趋势', 'trend', 'time']),
  item('bar', 'charts', '柱状图', 'Bar chart', 'bar', [6, 5], ['条形', 'column']),
  item('pie', 'charts', '饼图', 'Pie chart', 'pie', [4, 5], ['环形', 'donut', 'share']),
  item('funnel', 'charts', '漏斗图', 'Funnel', 'funnel', [4, 5], ['转化', 'conversion']),
  item('heatmap', 'charts', '热力图', 'Heatmap', 'heatmap', [6, 6], ['矩阵', 'matrix']),
  item('scatter', 'charts', '散点图', 'Scatter chart', 'scatter', [6, 6], ['相关', 'correlation']),
  item('table', 'lists', '表格', 'Table', 'table', [6, 6], ['明细', 'grid']),
  item('nineBox', 'lists', '九宫格', 'Nine-box grid', 'nineBox', [6, 7], ['人才', 'talent']),
  item('alertList', 'lists', '预警列表', 'Alert list', 'alert', [6, 5], ['告警', 'alerts']),
  item('alignmentTree', 'lists', '对齐树', 'Alignment tree', 'tree', [6, 7], ['okr', '目标', 'objectives']),
  item('text', 'content', '文本', 'Text', 'note', [4, 2], ['说明', 'markdown', 'note']),
];

/** Creates a palette of groups and items (default: every built-in widget type). */
export function createWidgetPalette(
  groups: readonly WidgetPaletteGroup[] = WIDGET_GROUPS,
  items: readonly WidgetPaletteItem[] = WIDGET_ITEMS,
): WidgetPalette {
  return createPalette(groups, items, (item) => item.type);
}

/** A widget type's name in both locales (the type itself when the palette does not know it). */
export function widgetTypeName(type: string): LocalizedMessage {
  return WIDGET_ITEMS.find((i) => i.type === type)?.name ?? { 'zh-CN': type, en: type };
}
