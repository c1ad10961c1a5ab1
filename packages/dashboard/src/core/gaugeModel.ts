import type { DashboardWidget, Thresholds } from '@formboard/schema';
import type { ChartContext } from './chartData.ts';
import type { ChartModel } from './chartModel.ts';
import { targetLabel } from './chartParts.ts';
import { COLOR_HEX, SERIES_COLORS, TRACK } from './colors.ts';
import { displayStyle } from './displayStyle.ts';
import { bandFor } from './thresholds.ts';
import type { Row } from './types.ts';
import { mainMeasure, numberAt } from './values.ts';

type GaugeWidget = Extract<DashboardWidget, { type: 'gauge' }>;

/**
 * The colour stops of a gauge's scale from threshold bands: each band's colour from where it starts
 * (value × target with basis "targetRatio") to where the next one starts, as fractions of min…max.
 * Empty without bands that can be placed (a ratio basis with no target).
 */
export function gaugeStops(
  thresholds: Thresholds | undefined,
  target: number | null,
  min: number,
  max: number,
): [number, string][] {
  if (!thresholds) return [];
  const ratio = thresholds.basis === 'targetRatio';
  if (ratio && !target) return [];
  const fraction = (from: number) =>
    Math.max(0, Math.min(1, ((ratio ? from * (target ?? 1) : from) - min) / (max - min)));
  const stops: [number, string][] = [[fraction(thresholds.bands[0]?.from ?? min), TRACK]];
  thresholds.bands.forEach((band, i) => {
    const next = thresholds.bands[i + 1];
    stops.push([next ? fraction(next.from) : 1, COLOR_HEX[band.color]]);
  });
  return stops;
}

/**
 * A gauge of one value between the display's min (default 0) and max: the scale coloured by the
 * thresholds (else a progress arc), the pointer and value in the value's band colour, and the target.
 */
export function gaugeModel(
  widget: GaugeWidget,
  rows: readonly Row[],
  context: ChartContext,
  targetFallback: string,
): ChartModel {
  const { display, query } = widget;
  const measure = mainMeasure(query, display.measure);
  const row = rows.at(-1);
  const value = numberAt(row, measure);
  const min = display.min ?? 0;
  const style = displayStyle(query, measure, display, context.format.locale);
  const target =
    widget.target === undefined
      ? null
      : 'value' in widget.target
        ? widget.target.value
        : numberAt(row, widget.target.measure);
  const band = bandFor(widget.thresholds, value, target);
  const color = band ? COLOR_HEX[band.color] : (SERIES_COLORS[0] ?? TRACK);
  const stops = gaugeStops(widget.thresholds, target, min, display.max);
  const label = targetLabel(widget.target, context.format.locale, targetFallback);
  return {
    option: {
      series: [
        {
          type: 'gauge',
          min,
          max: display.max,
          splitNumber: 4,
          radius: '90%',
          center: ['50%', '58%'],
          axisLine: { lineStyle: { width: 12, color: stops.length > 0 ? stops : [[1, TRACK]] } },
          progress: { show: stops.length === 0, width: 12, itemStyle: { color } },
          pointer: { width: 5, itemStyle: { color } },
          axisTick: { show: false },
          splitLine: { distance: -12, length: 12, lineStyle: { color: '#fff', width: 2 } },
          axisLabel: { distance: 18, fontSize: 10, formatter: (v: number) => context.format.value(v, style) },
          title: { offsetCenter: [0, '78%'], fontSize: 12 },
          detail: {
            offsetCenter: [0, '48%'],
            fontSize: 20,
            color,
            formatter: () => context.format.value(value, style),
          },
          data: [
            {
              value: value ?? min,
              name: target === null ? '' : `${label} ${context.format.value(target, style)}`,
            },
          ],
        },
      ],
    },
    // The whole gauge stands for all of the widget's records.
    pointAt: (seriesIndex) => (seriesIndex === 0 ? {} : undefined),
  };
}
