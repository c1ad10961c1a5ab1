import type { DashboardWidget } from '@formboard/schema';
import type { ChartContext } from './chartData.ts';
import { type ChartModel, groupPoint, measuredGroups } from './chartModel.ts';
import { itemTooltip, styleOf } from './chartParts.ts';
import { seriesColor } from './colors.ts';
import type { Row } from './types.ts';
import { mainMeasure } from './values.ts';

type FunnelWidget = Extract<DashboardWidget, { type: 'funnel' }>;

/**
 * A funnel: one stage per group, widest first, labelled with its value and, with `showConversion`,
 * its share of the first (widest) stage.
 */
export function funnelModel(widget: FunnelWidget, rows: readonly Row[], context: ChartContext): ChartModel {
  const display = widget.display ?? {};
  const measure = mainMeasure(widget.query, display.measure);
  const field = widget.query.groupBy?.[0];
  const style = styleOf(widget.query, measure);
  const stages = measuredGroups(rows, measure, field, context.nameOf).sort((a, b) => b.value - a.value);
  const top = stages[0]?.value ?? 0;
  const labelOf = (index: number) => {
    const stage = stages[index];
    if (!stage) return '';
    const text = `${stage.name} ${context.format.value(stage.value, style)}`;
    if (!display.showConversion || index === 0 || top <= 0) return text;
    return `${text} (${context.format.value(stage.value / top, { format: 'percent' })})`;
  };
  return {
    option: {
      tooltip: itemTooltip(style, context),
      series: [
        {
          type: 'funnel',
          // Already sorted widest first, so data indexes match `stages`.
          sort: 'none',
          left: '8%',
          width: '84%',
          top: 8,
          bottom: 8,
          gap: 2,
          minSize: '12%',
          label: {
            position: 'inside',
            color: '#fff',
            formatter: (p: { dataIndex: number }) => labelOf(p.dataIndex),
          },
          data: stages.map((stage, i) => ({
            name: stage.name,
            value: stage.value,
            itemStyle: { color: seriesColor(i) },
          })),
        },
      ],
    },
    pointAt: (seriesIndex, dataIndex) => groupPoint(stages, field, seriesIndex, dataIndex),
  };
}
