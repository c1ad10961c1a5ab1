import type { AggregateMeasure, ComputedMeasure } from '@formboard/schema';
import { type Command, refuse } from '../../core/Command.ts';
import { type Dashboard, hasQuery, type QueryWidget, type Widget } from '../dashboardTypes.ts';
import { noWidget, replaceWidget, widgetOf } from '../widgetAccess.ts';

/** A measure of a widget query. */
export type Measure = AggregateMeasure | ComputedMeasure;

/** The most measures a query may have (the schema's limit). */
const MAX_MEASURES = 20;

/**
 * A query's measures. A half-made query may have none listed: `setProperty` can remove any key, and the
 * validator reports the gap rather than the command refusing it.
 */
function measuresOf(widget: QueryWidget): readonly Measure[] {
  const { measures } = widget.query as { measures?: readonly Measure[] };
  return Array.isArray(measures) ? measures : [];
}

/** A measure id not used in the query: `m2`, `m3`… */
function freeMeasureId(widget: QueryWidget): string {
  const taken = new Set(measuresOf(widget).map((m) => m.id));
  let n = measuresOf(widget).length + 1;
  while (taken.has(`m${n}`)) n++;
  return `m${n}`;
}

function queryWidget(dashboard: Dashboard, id: string): QueryWidget | ReturnType<typeof noWidget> {
  const widget = widgetOf(dashboard, id);
  if (!widget) return noWidget(id);
  if (!hasQuery(widget)) return refuse('此组件没有查询', 'this widget has no query');
  return widget;
}

/** Adds a measure to a widget's query (default: a count with a fresh id). */
export function addMeasure(id: string, measure?: Measure): Command<Dashboard> {
  return {
    label: { 'zh-CN': '添加指标', en: 'Add measure' },
    run(dashboard) {
      const widget = queryWidget(dashboard, id);
      if ('refused' in widget) return widget;
      const measures = measuresOf(widget);
      if (measures.length >= MAX_MEASURES) {
        return refuse(`一个查询最多 ${MAX_MEASURES} 个指标`, `a query has at most ${MAX_MEASURES} measures`);
      }
      const added: Measure = measure ?? { id: freeMeasureId(widget), op: 'count' };
      const query = { ...widget.query, measures: [...measures, added] };
      return { document: replaceWidget(dashboard, id, { ...widget, query } as Widget) };
    },
  };
}

/**
 * Removes a measure, and the optional references to it (a chart's series and main measure, the
 * thresholds' measure, sort keys, table columns). Required references (a gap board's actual, a
 * scatter's x…) stay and are reported, so the person chooses what replaces them. The last measure
 * cannot go: a query needs one.
 */
export function removeMeasure(id: string, measureId: string): Command<Dashboard> {
  return {
    label: { 'zh-CN': '删除指标', en: 'Remove measure' },
    run(dashboard) {
      const widget = queryWidget(dashboard, id);
      if ('refused' in widget) return widget;
      const measures = measuresOf(widget).filter((m) => m.id !== measureId);
      if (measures.length === measuresOf(widget).length) return { document: dashboard };
      if (measures.length === 0) return refuse('查询至少需要一个指标', 'a query needs at least one measure');
      return { document: replaceWidget(dashboard, id, withoutReferences(widget, measures, measureId)) };
    },
  };
}

function withoutReferences(widget: QueryWidget, measures: Measure[], gone: string): Widget {
  const { sort, ...rest } = widget.query;
  const kept = sort?.filter((s) => s.by !== gone);
  const query = { ...rest, measures, ...(kept && kept.length > 0 ? { sort: kept } : {}) };
  const next: Record<string, unknown> = { ...widget, query };
  if ('display' in widget && widget.display) {
    const display: Record<string, unknown> = { ...widget.display };
    for (const key of ['measure', 'size', 'confidence']) if (display[key] === gone) delete display[key];
    if (Array.isArray(display.series)) {
      const series = (display.series as string[]).filter((s) => s !== gone);
      if (series.length > 0) display.series = series;
      else delete display.series;
    }
    if (Array.isArray(display.columns)) {
      const columns = (display.columns as { key: string }[]).filter((c) => c.key !== gone);
      if (columns.length > 0) display.columns = columns;
      else delete display.columns;
    }
    next.display = display;
  }
  if ('thresholds' in widget && widget.thresholds?.measure === gone) {
    const { measure: _, ...thresholds } = widget.thresholds;
    next.thresholds = thresholds;
  }
  return next as Widget;
}
