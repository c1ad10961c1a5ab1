import type { DashboardWidget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { barModel } from '../../core/barOption.ts';
import type { ChartModel } from '../../core/chartModel.ts';
import { funnelModel } from '../../core/funnelModel.ts';
import { gaugeModel } from '../../core/gaugeModel.ts';
import { heatmapModel } from '../../core/heatmapModel.ts';
import { lineModel } from '../../core/lineOption.ts';
import { pieModel } from '../../core/pieModel.ts';
import { scatterModel } from '../../core/scatterModel.ts';
import { EChart } from '../EChart.tsx';
import type { WidgetContext, WidgetProps } from '../WidgetContext.ts';

/** The widget types drawn by echarts (their frame offers a PNG download). */
export const CHART_TYPES: ReadonlySet<DashboardWidget['type']> = new Set([
  'line',
  'bar',
  'pie',
  'gauge',
  'funnel',
  'heatmap',
  'scatter',
]);

type ChartWidget = Extract<
  DashboardWidget,
  { type: 'line' | 'bar' | 'pie' | 'gauge' | 'funnel' | 'heatmap' | 'scatter' }
>;
type ModelBuilder<W extends ChartWidget> = (
  widget: W,
  rows: WidgetProps<W>['rows'],
  context: WidgetContext,
  targetLabel: string,
) => ChartModel;

/** A chart widget drawn by echarts from the model `build` makes of its rows; items click through. */
function ChartView<W extends ChartWidget>({
  widget,
  rows,
  context,
  build,
}: WidgetProps<W> & { readonly build: ModelBuilder<W> }): ReactNode {
  const model = useMemo(
    () => build(widget, rows, context, context.messages.target),
    [build, widget, rows, context],
  );
  const { openRecords } = context;
  const onItemClick = useMemo(
    () =>
      openRecords
        ? (seriesIndex: number, dataIndex: number) => {
            const values = model.pointAt(seriesIndex, dataIndex);
            if (values) openRecords(widget, values);
          }
        : undefined,
    [openRecords, model, widget],
  );
  return (
    <EChart
      option={model.option}
      height={context.height}
      label={widget.title === undefined ? widget.id : localize(widget.title, context.locale)}
      animate={context.animate}
      title={context.messages.openRecords}
      {...(onItemClick ? { onItemClick } : {})}
    />
  );
}

type Of<T extends ChartWidget['type']> = WidgetProps<Extract<ChartWidget, { type: T }>>;

/** A line chart widget (echarts). */
export function LineWidgetView(props: Of<'line'>): ReactNode {
  return <ChartView {...props} build={lineModel} />;
}

/** A bar chart widget (echarts). */
export function BarWidgetView(props: Of<'bar'>): ReactNode {
  return <ChartView {...props} build={barModel} />;
}

/** A pie or donut widget (echarts). */
export function PieWidgetView(props: Of<'pie'>): ReactNode {
  return <ChartView {...props} build={pieModel} />;
}

/** A gauge widget (echarts). */
export function GaugeWidgetView(props: Of<'gauge'>): ReactNode {
  return <ChartView {...props} build={gaugeModel} />;
}

/** A funnel widget (echarts). */
export function FunnelWidgetView(props: Of<'funnel'>): ReactNode {
  return <ChartView {...props} build={funnelModel} />;
}

/** A heatmap widget (echarts), e.g. weekly check-ins per person. */
export function HeatmapWidgetView(props: Of<'heatmap'>): ReactNode {
  return <ChartView {...props} build={heatmapModel} />;
}

/** A scatter widget (echarts). */
export function ScatterWidgetView(props: Of<'scatter'>): ReactNode {
  return <ChartView {...props} build={scatterModel} />;
}
