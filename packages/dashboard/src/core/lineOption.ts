import type { DashboardWidget } from '@formboard/schema';
import type { LineSeriesOption } from 'echarts/charts';
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
import { NEUTRAL, SERIES_COLORS } from './colors.ts';
import type { Row } from './types.ts';

type LineWidget = Extract<DashboardWidget, { type: 'line' }>;

/** The echarts option of a line widget: one line per measure (or per group), and the target line. */
export function lineOption(
  widget: LineWidget,
  rows: readonly Row[],
  context: ChartContext,
  targetFallback: string,
): ChartOption {
  return lineModel(widget, rows, context, targetFallback).option;
}

/** A line widget's option and the bucket (and group) behind each point; the target line has none. */
export function lineModel(
  widget: LineWidget,
  rows: readonly Row[],
  context: ChartContext,
  targetFallback: string,
): ChartModel {
  const display = widget.display ?? {};
  const measures = drawnMeasures(widget.query, widget.target, display.series);
  const data = chartData(widget.query, rows, measures, context);
  const style = styleOf(widget.query, measures[0]);
  const label = targetLabel(widget.target, context.format.locale, targetFallback);
  const series: LineSeriesOption[] = data.series.map((s, i) => ({
    type: 'line',
    name: s.name,
    data: [...s.values],
    color: SERIES_COLORS[i % SERIES_COLORS.length] ?? NEUTRAL,
    smooth: display.smooth ?? false,
    showSymbol: display.showPoints ?? true,
    ...(display.area ? { areaStyle: { opacity: 0.15 } } : {}),
  }));
  const target = display.showTarget ? widget.target : undefined;
  if (target && 'value' in target && series[0])
    series[0].markLine = targetLine(target.value, label, 'yAxis', style, context);
  if (target && 'measure' in target) {
    // A target that varies per bucket (e.g. the sum of monthly targets) is drawn as its own dashed line.
    const [line] = chartData(widget.query, rows, [target.measure], context).series;
    series.push({
      type: 'line',
      name: label,
      data: [...(line?.values ?? [])],
      color: NEUTRAL,
      lineStyle: { type: 'dashed' },
      showSymbol: false,
    });
  }
  const option: ChartOption = {
    ...chartFrame(series.length, style, context),
    xAxis: { type: 'category', data: [...data.categories], boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => context.format.value(v, style) } },
    series,
  };
  return { option, pointAt: (seriesIndex, dataIndex) => categoryPoint(data, seriesIndex, dataIndex) };
}
