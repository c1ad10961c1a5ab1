import type { DashboardWidget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { COLOR_HEX, NEUTRAL, TEXT_HEX } from '../../core/colors.ts';
import { displayStyle } from '../../core/displayStyle.ts';
import { kpiModel } from '../../core/kpiModel.ts';
import type { WidgetProps } from '../WidgetContext.ts';

type KpiWidget = Extract<DashboardWidget, { type: 'kpi' }>;

/** A KPI card: the value in its threshold colour, target and achievement, change vs the previous period. */
export function KpiCard({ widget, rows, context }: WidgetProps<KpiWidget>): ReactNode {
  const { format, messages, locale } = context;
  const model = useMemo(() => kpiModel(widget, rows), [widget, rows]);
  const style = displayStyle(widget.query, model.measure, widget.display ?? {}, locale);
  const color = model.band ? COLOR_HEX[model.band.color] : NEUTRAL;
  const targetText =
    widget.target?.label === undefined ? messages.target : localize(widget.target.label, locale);
  const arrow = model.change === null || model.change === 0 ? '' : model.change > 0 ? '▲' : '▼';
  return (
    <div className="fb-kpi">
      <div className="fb-kpi-value" data-testid="kpi-value" data-color={model.band?.color} style={{ color }}>
        {format.value(model.value, style)}
      </div>
      {model.band?.label !== undefined && (
        <div className="fb-kpi-band" style={{ color: model.band ? TEXT_HEX[model.band.color] : NEUTRAL }}>
          {localize(model.band.label, locale)}
        </div>
      )}
      {model.target !== null && (
        <div className="fb-kpi-target">
          {targetText} {format.value(model.target, style)}
          {model.achievement !== null &&
            ` · ${messages.achievement} ${format.value(model.achievement, { format: 'percent' })}`}
        </div>
      )}
      {model.change !== null && (
        <div
          className="fb-kpi-change"
          data-testid="kpi-change"
          data-good={model.changeIsGood === null ? undefined : String(model.changeIsGood)}
          style={{
            color:
              model.changeIsGood === null ? NEUTRAL : model.changeIsGood ? COLOR_HEX.green : COLOR_HEX.red,
          }}
        >
          {arrow} {format.change(model.change)} {messages.vsPrevious}
        </div>
      )}
    </div>
  );
}
