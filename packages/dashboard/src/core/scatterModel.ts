import type { DashboardWidget } from '@formboard/schema';
import type { ChartContext } from './chartData.ts';
import { type ChartModel, groupKey, groupLabel, rowPoint } from './chartModel.ts';
import { styleOf, TOOLTIP_BASE } from './chartParts.ts';
import { NEUTRAL, SERIES_COLORS } from './colors.ts';
import type { Row } from './types.ts';
import { measureLabel, numberAt } from './values.ts';

type ScatterWidget = Extract<DashboardWidget, { type: 'scatter' }>;

const MIN_SYMBOL = 8;
const MAX_SYMBOL = 36;

/**
 * A scatter chart: one point per group at (x, y); with a size measure the dot's area grows with it
 * (8–36 px across, by the square root, so area tracks the value). Labels name the groups.
 */
export function scatterModel(widget: ScatterWidget, rows: readonly Row[], context: ChartContext): ChartModel {
  const { query, display } = widget;
  const field = query.groupBy?.[0];
  const { locale } = context.format;
  const points = rows.flatMap((row) => {
    const x = numberAt(row, display.x);
    const y = numberAt(row, display.y);
    if (x === null || y === null) return [];
    const size = display.size === undefined ? null : numberAt(row, display.size);
    return [
      {
        row,
        x,
        y,
        size,
        name: field === undefined ? '' : groupLabel(context.nameOf, field, groupKey(row, field)),
      },
    ];
  });
  const largest = Math.max(0, ...points.map((p) => p.size ?? 0));
  const symbolSize = (size: number | null) =>
    size === null || largest <= 0
      ? (MIN_SYMBOL + MAX_SYMBOL) / 2
      : MIN_SYMBOL + (MAX_SYMBOL - MIN_SYMBOL) * Math.sqrt(Math.max(0, size) / largest);
  const xStyle = styleOf(query, display.x);
  const yStyle = styleOf(query, display.y);
  const xName = measureLabel(query, display.x, locale);
  const yName = measureLabel(query, display.y, locale);
  const axis = (name: string, style: typeof xStyle) => ({
    type: 'value' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap: 28,
    scale: true,
    axisLabel: { formatter: (v: number) => context.format.value(v, style) },
  });
  return {
    option: {
      tooltip: {
        ...TOOLTIP_BASE,
        trigger: 'item',
        formatter: (p: unknown) => {
          const index = (p as { dataIndex?: number }).dataIndex ?? -1;
          const point = points[index];
          if (!point) return '';
          return [
            point.name,
            `${xName}: ${context.format.value(point.x, xStyle)}`,
            `${yName}: ${context.format.value(point.y, yStyle)}`,
          ].join('\n');
        },
      },
      grid: { left: 16, right: 24, top: 16, bottom: 32 },
      xAxis: axis(xName, xStyle),
      yAxis: axis(yName, yStyle),
      series: [
        {
          type: 'scatter',
          itemStyle: { color: SERIES_COLORS[0] ?? NEUTRAL, opacity: 0.8 },
          label: {
            show: display.showLabels ?? false,
            position: 'right',
            formatter: (p: { dataIndex: number }) => points[p.dataIndex]?.name ?? '',
          },
          data: points.map((point) => ({
            name: point.name,
            value: [point.x, point.y],
            symbolSize: symbolSize(point.size),
          })),
        },
      ],
    },
    pointAt: (seriesIndex, dataIndex) => {
      const point = seriesIndex === 0 ? points[dataIndex] : undefined;
      return point && field !== undefined ? rowPoint([field], point.row) : undefined;
    },
  };
}
