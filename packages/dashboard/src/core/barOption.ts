import type { DashboardWidget } from '@formboard/schema';
import type { BarSeriesOption } from 'echarts/charts';
import { type ChartContext, categoryPoint, chartData } from './chartData.ts';
import type { ChartModel } from './chartModel.ts';
import {
  type ChartOption,
  chartFrame,
  drawnMeasures,
  styleOf,
  targetLabel,
  targetLine,
} from './chartParts.ts';
import { COLOR_HEX, NEUTRAL, SERIES_COLORS } from './colors.ts';
import { bandFor } from './thresholds.ts';
import type { Row } from './types.ts';

type BarWidget = Extract<DashboardWidget, { type: 'bar' }>;

/** The echarts option of a bar widget: grouped or stacked, vertical or horizontal, bars coloured by
 * the thresholds when the widget has them, and a dashed line at a constant target. */
export function barOption(
  widget: BarWidget,
  rows: readonly Row[],
  context: ChartContext,
  targetFallback: string,
): ChartOption {
  return barModel(widget, rows, context, targetFallback).option;
}

/** A bar widget's option and the category (and group) behind each bar. */
export function barModel(
  widget: BarWidget,
  rows: readonly Row[],
  context: ChartContext,
  targetFallback: string,
): ChartModel {
  const display = widget.display ?? {};
  const horizontal = display.orientation === 'horizontal';
  const measures = drawnMeasures(widget.query, widget.target, display.series);
  const data = chartData(widget.query, rows, measures, context);
  const style = styleOf(widget.query, measures[0]);
  const { target, thresholds } = widget;
  const targets =
    target && 'measure' in target
      ? (chartData(widget.query, rows, [target.measure], context).series[0]?.values ?? [])
      : undefined;
  const series: BarSeriesOption[] = data.series.map((s, i) => ({
    type: 'bar',
    name: s.name,
    color: SERIES_COLORS[i % SERIES_COLORS.length] ?? NEUTRAL,
    ...(display.stacked ? { stack: 'total' } : {}),
    label: {
      show: display.showValues ?? false,
      position: horizontal ? 'right' : 'top',
      formatter: (p: { value?: unknown }) =>
        context.format.value(typeof p.value === 'number' ? p.value : null, style),
    },
    data: s.values.map((value, at) => {
      const goal = targets ? (targets[at] ?? null) : target && 'value' in target ? target.value : null;
      const band = bandFor(thresholds, value, goal);
      return band ? { value, itemStyle: { color: COLOR_HEX[band.color] } } : value;
    }),
  }));
  if (target && 'value' in target && series[0])
    series[0].markLine = targetLine(
      target.value,
      targetLabel(target, context.format.locale, targetFallback),
      horizontal ? 'xAxis' : 'yAxis',
      style,
      context,
    );
  const categoryAxis = { type: 'category' as const, data: [...data.categories] };
  const valueAxis = {
    type: 'value' as const,
    axisLabel: { formatter: (v: number) => context.format.value(v, style) },
  };
  const option: ChartOption = {
    ...chartFrame(series.length, style, context),
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
  return { option, pointAt: (seriesIndex, dataIndex) => categoryPoint(data, seriesIndex, dataIndex) };
}
