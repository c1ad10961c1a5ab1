import type { DashboardWidget } from '@formboard/schema';
import type { ChartContext } from './chartData.ts';
import { type ChartModel, groupPoint, measuredGroups } from './chartModel.ts';
import { itemTooltip, styleOf } from './chartParts.ts';
import { seriesColor } from './colors.ts';
import type { Row } from './types.ts';
import { mainMeasure } from './values.ts';

type PieWidget = Extract<DashboardWidget, { type: 'pie' }>;

/**
 * A pie or donut: one slice per group of the measure (empty and non-positive values have no slice),
 * labelled with the group's name and its value or, with `showPercent`, its share of the whole.
 */
export function pieModel(widget: PieWidget, rows: readonly Row[], context: ChartContext): ChartModel {
  const display = widget.display ?? {};
  const measure = mainMeasure(widget.query, display.measure);
  const field = widget.query.groupBy?.[0];
  const style = styleOf(widget.query, measure);
  const slices = measuredGroups(rows, measure, field, context.nameOf).filter((slice) => slice.value > 0);
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  const labelOf = (index: number) => {
    const slice = slices[index];
    if (!slice) return '';
    const amount = display.showPercent
      ? context.format.value(slice.value / total, { format: 'percent' })
      : context.format.value(slice.value, style);
    return `${slice.name} ${amount}`;
  };
  return {
    option: {
      tooltip: itemTooltip(style, context),
      series: [
        {
          type: 'pie',
          radius: display.donut ? ['42%', '68%'] : '68%',
          avoidLabelOverlap: true,
          label: { formatter: (p: { dataIndex: number }) => labelOf(p.dataIndex) },
          data: slices.map((slice, i) => ({
            name: slice.name,
            value: slice.value,
            itemStyle: { color: seriesColor(i) },
          })),
        },
      ],
    },
    pointAt: (seriesIndex, dataIndex) => groupPoint(slices, field, seriesIndex, dataIndex),
  };
}
