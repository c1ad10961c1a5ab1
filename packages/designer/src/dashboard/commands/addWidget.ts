import type { Command } from '../../core/Command.ts';
import { refuse } from '../../core/Command.ts';
import type { Dashboard, WidgetType } from '../dashboardTypes.ts';
import { clampBox, firstFreeSpot, placeWidget } from '../gridLayout.ts';
import type { SourceCatalog } from '../sourceForms.ts';
import { newWidget, readsSource } from '../widgetDefaults.ts';
import { uniqueWidgetId } from '../widgetIds.ts';
import type { WidgetPaletteItem } from '../widgetPalette.ts';

/** Where and how a new widget is added. */
export interface AddWidgetOptions {
  /** The top-left cell; default the first free place big enough. Widgets there move down. */
  readonly at?: { readonly x: number; readonly y: number };
  /** The size in cells; default the palette item's (doubled on a 24-column grid). */
  readonly size?: { readonly w: number; readonly h: number };
  /** The source form of its query ('' or absent: chosen later). */
  readonly source?: string;
}

/** The most widgets a dashboard may hold (the schema's limit). */
export const MAX_WIDGETS = 100;

/** Adds a widget of a palette item's type, with defaults for its source form, and selects it. */
export function addWidget(
  item: WidgetPaletteItem,
  options: AddWidgetOptions,
  sources: SourceCatalog,
  nextId: () => string,
): Command<Dashboard> {
  return {
    label: { 'zh-CN': `添加${item.name['zh-CN']}`, en: `Add ${item.name.en}` },
    run(dashboard) {
      if (dashboard.widgets.length >= MAX_WIDGETS) {
        return refuse(
          `一个看板最多 ${MAX_WIDGETS} 个组件`,
          `a dashboard holds at most ${MAX_WIDGETS} widgets`,
        );
      }
      const { columns } = dashboard.grid;
      const scale = columns / 12;
      const size = options.size ?? { w: item.size.w * scale, h: item.size.h };
      const box = options.at
        ? clampBox({ ...options.at, ...size }, columns)
        : firstFreeSpot(dashboard.widgets, size.w, size.h, columns);
      const id = uniqueWidgetId(dashboard, item.type, nextId);
      const type: WidgetType = item.type;
      const source = readsSource(type) ? (options.source ?? '') : '';
      const widget = newWidget(type, id, box, source, sources.get(source));
      const widgets = placeWidget([...dashboard.widgets, widget], id, box);
      return { document: { ...dashboard, widgets }, selection: [id] };
    },
  };
}
