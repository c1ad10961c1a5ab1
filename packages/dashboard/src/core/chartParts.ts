import type { DashboardQuery, WidgetTarget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import type {
  BarSeriesOption,
  FunnelSeriesOption,
  GaugeSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  PieSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ChartContext } from './chartData.ts';
import { NEUTRAL } from './colors.ts';
import type { ValueStyle } from './format.ts';
import { measureById } from './values.ts';

/** The echarts option of a chart widget: only the parts this package registers. */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | GaugeSeriesOption
  | FunnelSeriesOption
  | HeatmapSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | VisualMapComponentOption
>;

/** The measures drawn: those named, else all but the one used as the target. */
export function drawnMeasures(
  query: DashboardQuery,
  target: WidgetTarget | undefined,
  named: readonly string[] | undefined,
): string[] {
  if (named) return [...named];
  const targetMeasure = target && 'measure' in target ? target.measure : undefined;
  return query.measures.map((m) => m.id).filter((id) => id !== targetMeasure);
}

/** The display style of a measure (its declared format). */
export function styleOf(query: DashboardQuery, measure: string | undefined): ValueStyle {
  const format = measure === undefined ? undefined : measureById(query, measure)?.format;
  return format === undefined ? {} : { format };
}

/** The target's label in the locale, or `fallback` ("目标") when the definition names none. */
export function targetLabel(target: WidgetTarget | undefined, locale: string, fallback: string): string {
  return target?.label === undefined ? fallback : localize(target.label, locale);
}

/** A dashed line across the chart at a constant target, labelled with its value. */
export function targetLine(
  value: number,
  label: string,
  axis: 'xAxis' | 'yAxis',
  style: ValueStyle,
  context: ChartContext,
): NonNullable<LineSeriesOption['markLine']> {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: NEUTRAL, type: 'dashed' },
    label: { formatter: `${label} ${context.format.value(value, style)}` },
    data: [axis === 'yAxis' ? { yAxis: value, name: label } : { xAxis: value, name: label }],
  };
}

/**
 * How every chart's tooltip is drawn: as text inside the chart, not as an HTML overlay. HTML tooltips
 * read the page layout when each chart is created (20 charts: 20 forced layouts of the whole board)
 * and would render group names as markup; text needs neither.
 */
export const TOOLTIP_BASE = { renderMode: 'richText', confine: true } as const;

/** Tooltip, legend and grid shared by category charts; the legend shows once there are two series. */
export function chartFrame(seriesCount: number, style: ValueStyle, context: ChartContext): ChartOption {
  return {
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      valueFormatter: (v) => context.format.value(typeof v === 'number' ? v : null, style),
    },
    legend: { show: seriesCount > 1, bottom: 0 },
    // echarts 6 keeps axis labels inside the chart by default (grid.outerBounds), no containLabel needed.
    grid: { left: 8, right: 56, top: 24, bottom: seriesCount > 1 ? 32 : 8 },
  };
}

/** A tooltip for charts of single items (slices, stages, cells), values in the measure's style. */
export function itemTooltip(style: ValueStyle, context: ChartContext): NonNullable<ChartOption['tooltip']> {
  return {
    ...TOOLTIP_BASE,
    trigger: 'item',
    valueFormatter: (v) => context.format.value(typeof v === 'number' ? v : null, style),
  };
}
