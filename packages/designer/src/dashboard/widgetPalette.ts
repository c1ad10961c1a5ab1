import type { LocalizedMessage } from '@formboard/formula';
import type { WidgetType } from './dashboardTypes.ts';

/** One card of the dashboard palette: a widget type with its names, icon and search words. */
export interface WidgetPaletteItem {
  /** The widget type it adds. */
  readonly type: WidgetType;
  readonly group: string;
  readonly name: LocalizedMessage;
  /** A short glyph shown on the card. */
  readonly icon: string;
  readonly keywords?: readonly string[];
  /** Default size on a 12-column grid (doubled on 24 columns). */
  readonly size: { readonly w: number; readonly h: number };
}

/** A group of the palette, in display order. */
export interface WidgetPaletteGroup {
  readonly id: string;
  readonly name: LocalizedMessage;
}

/** The dashboard palette: groups and items, searchable, extensible. */
export interface WidgetPalette {
  groups(): readonly WidgetPaletteGroup[];
  items(): readonly WidgetPaletteItem[];
  get(type: string): WidgetPaletteItem | undefined;
  /** Adds or replaces an item; returns a function that removes it. */
  register(item: WidgetPaletteItem): () => void;
  /** Items whose names (zh-CN or en), type or keywords contain every word of the query. */
  search(query: string): readonly WidgetPaletteItem[];
}

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
  item('kpi', 'indicators', '指标卡', 'KPI card', '#', [3, 3], ['kpi', '数字', 'number']),
  item('gauge', 'indicators', '仪表盘', 'Gauge', '◔', [3, 4], ['进度', 'progress']),
  item('gapBoard', 'indicators', '差距看板', 'Gap board', '⊟', [6, 6], ['目标', 'target', 'progress']),
  item('leaderboard', 'indicators', '排行榜', 'Leaderboard', '🏆', [4, 6], ['排名', 'rank', 'top']),
  item('line', 'charts', '折线图', 'Line chart', '📈', [6, 5], ['趋势', 'trend', 'time']),
  item('bar', 'charts', '柱状图', 'Bar chart', '📊', [6, 5], ['条形', 'column']),
  item('pie', 'charts', '饼图', 'Pie chart', '◕', [4, 5], ['环形', 'donut', 'share']),
  item('funnel', 'charts', '漏斗图', 'Funnel', '⏷', [4, 5], ['转化', 'conversion']),
  item('heatmap', 'charts', '热力图', 'Heatmap', '▦', [6, 6], ['矩阵', 'matrix']),
  item('scatter', 'charts', '散点图', 'Scatter chart', '⁘', [6, 6], ['相关', 'correlation']),
  item('table', 'lists', '表格', 'Table', '▤', [6, 6], ['明细', 'grid']),
  item('nineBox', 'lists', '九宫格', 'Nine-box grid', '⊞', [6, 7], ['人才', 'talent']),
  item('alertList', 'lists', '预警列表', 'Alert list', '⚠', [6, 5], ['告警', 'alerts']),
  item('alignmentTree', 'lists', '对齐树', 'Alignment tree', '🌳', [6, 7], ['okr', '目标', 'objectives']),
  item('text', 'content', '文本', 'Text', 'T', [4, 2], ['说明', 'markdown', 'note']),
];

/** Creates a palette of groups and items (default: every built-in widget type). */
export function createWidgetPalette(
  groups: readonly WidgetPaletteGroup[] = WIDGET_GROUPS,
  items: readonly WidgetPaletteItem[] = WIDGET_ITEMS,
): WidgetPalette {
  const byType = new Map<string, WidgetPaletteItem>(items.map((i) => [i.type, i]));
  return {
    groups: () => groups,
    items: () => [...byType.values()],
    get: (type) => byType.get(type),
    register(entry) {
      byType.set(entry.type, entry);
      return () => {
        if (byType.get(entry.type) === entry) byType.delete(entry.type);
      };
    },
    search(query) {
      const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
      return [...byType.values()].filter((entry) => {
        const haystack = [entry.type, entry.name['zh-CN'], entry.name.en, ...(entry.keywords ?? [])]
          .join(' ')
          .toLowerCase();
        return words.every((word) => haystack.includes(word));
      });
    },
  };
}

/** A widget type's name in both locales (the type itself when the palette does not know it). */
export function widgetTypeName(type: string): LocalizedMessage {
  return WIDGET_ITEMS.find((i) => i.type === type)?.name ?? { 'zh-CN': type, en: type };
}
