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

/** A line chart widget (echarts). */
export function LineWidgetView({ widget, rows, context }: WidgetProps<LineWidget>): ReactNode {
  const option = useMemo(
    () => lineOption(widget, rows, context, context.messages.target),
    [widget, rows, context],
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

/** A bar chart widget (echarts). */
export function BarWidgetView({ widget, rows, context }: WidgetProps<BarWidget>): ReactNode {
  const option = useMemo(
    () => barOption(widget, rows, context, context.messages.target),
    [widget, rows, context],
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
