import type { DashboardWidget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import type { ChartContext } from './chartData.ts';
import { type ChartModel, groupKey, groupLabel, type PointValues, rowPoint } from './chartModel.ts';
import { itemTooltip, styleOf } from './chartParts.ts';
import { COLOR_HEX, TRACK } from './colors.ts';
import type { Row } from './types.ts';
import { mainMeasure, numberAt } from './values.ts';

type HeatmapWidget = Extract<DashboardWidget, { type: 'heatmap' }>;
type Palette = NonNullable<NonNullable<HeatmapWidget['display']>['palette']>;

/** The colour ramp of each palette, low to high. */
export const HEATMAP_PALETTES: Readonly<Record<Palette, readonly string[]>> = {
  green: ['#ebfbee', COLOR_HEX.green],
  red: ['#fff5f5', COLOR_HEX.red],
  blue: ['#e7f5ff', COLOR_HEX.blue],
  redGreen: [COLOR_HEX.red, COLOR_HEX.yellow, COLOR_HEX.green],
};

const LEGEND_HEIGHT = 36;

/**
 * A heatmap: rows are the first group field's values (e.g. people), columns the time buckets in
 * order (e.g. weeks) or else the second group field's values; a cell per row with a value. Cells take
 * their threshold band's colour when the widget has value thresholds, else the palette's ramp over
 * min…max; the legend below says which colour is which.
 */
export function heatmapModel(widget: HeatmapWidget, rows: readonly Row[], context: ChartContext): ChartModel {
  const { query } = widget;
  const display = widget.display ?? {};
  const measure = mainMeasure(query, display.measure);
  const style = styleOf(query, measure);
  const yField = query.groupBy?.[0];
  const xField = query.timeBucket?.field ?? query.groupBy?.[1];
  const xKeys = [...new Set(rows.map((row) => groupKey(row, xField)))];
  if (query.timeBucket) xKeys.sort();
  const yKeys = [...new Set(rows.map((row) => groupKey(row, yField)))];
  const xIndex = new Map(xKeys.map((key, i) => [key, i]));
  const yIndex = new Map(yKeys.map((key, i) => [key, i]));
  const cells = rows.flatMap((row) => {
    const value = numberAt(row, measure);
    const x = xIndex.get(groupKey(row, xField));
    const y = yIndex.get(groupKey(row, yField));
    return value === null || x === undefined || y === undefined ? [] : [{ row, x, y, value }];
  });
  const fields = [yField, xField].filter((f): f is string => f !== undefined);
  // Bands need a value basis here: a heatmap has no target to take a ratio of.
  const bands = widget.thresholds?.basis === 'targetRatio' ? undefined : widget.thresholds?.bands;
  const values = cells.map((cell) => cell.value);
  const xLabel = (key: string) =>
    query.timeBucket
      ? context.format.bucket(key, query.timeBucket.unit)
      : groupLabel(context.nameOf, xField ?? '', key);
  return {
    option: {
      tooltip: itemTooltip(style, context),
      grid: { left: 8, right: 8, top: 8, bottom: LEGEND_HEIGHT },
      xAxis: { type: 'category', data: xKeys.map(xLabel), splitArea: { show: true } },
      yAxis: {
        type: 'category',
        data: yKeys.map((key) => groupLabel(context.nameOf, yField ?? '', key)),
        splitArea: { show: true },
      },
      visualMap: {
        ...(bands
          ? {
              type: 'piecewise',
              // Each band from where it starts to where the next starts; below the first: neutral.
              pieces: bands.map((band, i) => {
                const next = bands[i + 1];
                const label =
                  band.label === undefined ? undefined : localize(band.label, context.format.locale);
                return {
                  ...(Number.isFinite(band.from) ? { gte: band.from } : {}),
                  ...(next ? { lt: next.from } : {}),
                  color: COLOR_HEX[band.color],
                  ...(label === undefined ? {} : { label }),
                };
              }),
              outOfRange: { color: [TRACK] },
            }
          : {
              type: 'continuous',
              min: values.length > 0 ? Math.min(...values) : 0,
              max: values.length > 0 ? Math.max(...values) : 1,
              inRange: { color: [...HEATMAP_PALETTES[display.palette ?? 'blue']] },
              itemHeight: 120,
              itemWidth: 10,
            }),
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        formatter: (v: unknown) => context.format.value(typeof v === 'number' ? v : null, style),
      },
      series: [
        {
          type: 'heatmap',
          data: cells.map((cell) => [cell.x, cell.y, cell.value]),
          label: {
            show: display.showValues ?? false,
            formatter: (p: { dataIndex: number }) =>
              context.format.value(cells[p.dataIndex]?.value ?? null, style),
          },
        },
      ],
    },
    pointAt: (seriesIndex, dataIndex): PointValues | undefined => {
      const cell = seriesIndex === 0 ? cells[dataIndex] : undefined;
      return cell ? rowPoint(fields, cell.row) : undefined;
    },
  };
}
