import type { DashboardWidget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { barOption } from '../../core/barOption.ts';
import { lineOption } from '../../core/lineOption.ts';
import { EChart } from '../EChart.tsx';
import type { WidgetContext, WidgetProps } from '../WidgetContext.ts';

type LineWidget = Extract<DashboardWidget, { type: 'line' }>;
type BarWidget = Extract<DashboardWidget, { type: 'bar' }>;

const chartLabel = (widget: DashboardWidget, context: WidgetContext) =>
  widget.title === undefined ? widget.id : localize(widget.title, context.locale);

type ChartWidget = LineWidget | BarWidget;
type OptionBuilder<W extends ChartWidget> = (
  widget: W,
  rows: WidgetProps<W>['rows'],
  context: WidgetContext,
  targetLabel: string,
) => ReturnType<typeof lineOption>;

/** A chart widget drawn by echarts from the option `build` makes of its rows. */
function ChartView<W extends ChartWidget>({
  widget,
  rows,
  context,
  build,
}: WidgetProps<W> & { readonly build: OptionBuilder<W> }): ReactNode {
  const option = useMemo(
    () => build(widget, rows, context, context.messages.target),
    [build, widget, rows, context],
  );
  return (
    <EChart
      option={option}
      height={context.height}
      label={chartLabel(widget, context)}
      animate={context.animate}
    />
  );
}

/** A line chart widget (echarts). */
export function LineWidgetView(props: WidgetProps<LineWidget>): ReactNode {
  return <ChartView {...props} build={lineOption} />;
}

/** A bar chart widget (echarts). */
export function BarWidgetView(props: WidgetProps<BarWidget>): ReactNode {
  return <ChartView {...props} build={barOption} />;
}
