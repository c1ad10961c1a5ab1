import { localize } from '@formboard/schema';
import { type Command, refuse } from '../../core/Command.ts';
import { type Dashboard, hasQuery, type Widget, type WidgetType } from '../dashboardTypes.ts';
import type { SourceCatalog } from '../sourceForms.ts';
import { noWidget, replaceWidget, widgetOf } from '../widgetAccess.ts';
import { newWidget, readsSource, sourceOf } from '../widgetDefaults.ts';
import { widgetTypeName } from '../widgetPalette.ts';

// Changing a widget's source form or its chart type rebuilds it from the defaults of the new pair —
// a query over another form's fields, or a chart of another shape, cannot keep the old one — and
// carries over what still means the same: the title the person gave, the description, the record
// filter (same form only), thresholds and targets the new type has and whose measure still exists.

const WITH_THRESHOLDS = new Set<WidgetType>([
  'kpi',
  'gapBoard',
  'bar',
  'gauge',
  'heatmap',
  'table',
  'leaderboard',
]);
const WITH_TARGET = new Set<WidgetType>(['kpi', 'line', 'bar', 'gauge']);

function carryOver(old: Widget, rebuilt: Widget): Widget {
  const next: Record<string, unknown> = { ...rebuilt };
  const defaultTitle = widgetTypeName(old.type);
  const ownTitle =
    old.title !== undefined &&
    localize(old.title, 'zh-CN') !== defaultTitle['zh-CN'] &&
    localize(old.title, 'en') !== defaultTitle.en;
  if (ownTitle) next.title = old.title;
  if (old.description !== undefined) next.description = old.description;
  if (hasQuery(old) && hasQuery(rebuilt) && old.query.source === rebuilt.query.source) {
    const { filter, ignoreFilters } = old.query;
    next.query = {
      ...rebuilt.query,
      ...(filter === undefined ? {} : { filter }),
      ...(ignoreFilters === undefined ? {} : { ignoreFilters }),
    };
  }
  const measures = new Set(hasQuery(rebuilt) ? rebuilt.query.measures.map((m) => m.id) : []);
  const thresholds = 'thresholds' in old ? old.thresholds : undefined;
  if (
    thresholds &&
    WITH_THRESHOLDS.has(rebuilt.type) &&
    (thresholds.measure === undefined || measures.has(thresholds.measure))
  )
    next.thresholds = thresholds;
  const target = 'target' in old ? old.target : undefined;
  if (target && WITH_TARGET.has(rebuilt.type) && ('value' in target || measures.has(target.measure)))
    next.target = target;
  return next as Widget;
}

/** Changes the form a widget reads: its query (or tree) is made afresh from the form's fields. */
export function setWidgetSource(id: string, source: string, sources: SourceCatalog): Command<Dashboard> {
  return {
    label: { 'zh-CN': '选择来源表单', en: 'Choose source form' },
    run(dashboard) {
      const widget = widgetOf(dashboard, id);
      if (!widget) return noWidget(id);
      if (!readsSource(widget.type)) return refuse('此组件不读取表单', 'this widget reads no form');
      if (sourceOf(widget) === source) return { document: dashboard };
      const rebuilt = newWidget(widget.type, id, widget.layout, source, sources.get(source));
      return { document: replaceWidget(dashboard, id, carryOver(widget, rebuilt)) };
    },
  };
}

/** Changes a widget's type (a bar chart into a line chart…), keeping its place and source form. */
export function setWidgetType(id: string, type: WidgetType, sources: SourceCatalog): Command<Dashboard> {
  return {
    label: { 'zh-CN': '更改组件类型', en: 'Change widget type' },
    run(dashboard) {
      const widget = widgetOf(dashboard, id);
      if (!widget) return noWidget(id);
      if (widget.type === type) return { document: dashboard };
      const source = readsSource(type) ? (sourceOf(widget) ?? '') : '';
      const rebuilt = newWidget(type, id, widget.layout, source, sources.get(source));
      return { document: replaceWidget(dashboard, id, carryOver(widget, rebuilt)) };
    },
  };
}
