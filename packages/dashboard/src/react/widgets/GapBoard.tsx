import type { DashboardWidget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { COLOR_HEX, NEUTRAL } from '../../core/colors.ts';
import { displayStyle } from '../../core/displayStyle.ts';
import { gapBoardModel } from '../../core/gapBoardModel.ts';
import type { WidgetProps } from '../WidgetContext.ts';
import { RecordLink } from './RecordLink.tsx';

type GapBoardWidget = Extract<DashboardWidget, { type: 'gapBoard' }>;

/** One row per person or team: a progress bar in its status colour, actual / target and the gap. */
export function GapBoard({ widget, rows, context }: WidgetProps<GapBoardWidget>): ReactNode {
  const { format, messages, locale } = context;
  const { display } = widget;
  const groupField = widget.query.groupBy?.[0] ?? '';
  const board = useMemo(
    () => gapBoardModel(widget, rows, (key) => context.nameOf(groupField, key)),
    [widget, rows, context, groupField],
  );
  const style = displayStyle(widget.query, display.actual, display, locale);
  const showConfidence = display.showConfidence === true && display.confidence !== undefined;
  return (
    <table className="fb-gap-board">
      <thead>
        <tr>
          <th scope="col">{widget.title === undefined ? '' : localize(widget.title, locale)}</th>
          <th scope="col">{messages.progress}</th>
          <th scope="col">{messages.target}</th>
          <th scope="col">{messages.gap}</th>
          {showConfidence && <th scope="col">{messages.confidence}</th>}
        </tr>
      </thead>
      <tbody>
        {board.map((row) => {
          const color = row.band ? COLOR_HEX[row.band.color] : NEUTRAL;
          const width = Math.max(0, Math.min(1, row.progress ?? 0)) * 100;
          return (
            <tr key={row.key} data-status={row.band?.color}>
              <th scope="row" title={row.name}>
                <span className="fb-row-name">
                  <RecordLink widget={widget} context={context} values={{ [groupField]: row.group }}>
                    {row.name}
                  </RecordLink>
                </span>
              </th>
              <td>
                <div
                  className="fb-gap-bar"
                  role="progressbar"
                  aria-label={row.name}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round((row.progress ?? 0) * 100)}
                >
                  <div className="fb-gap-fill" style={{ width: `${width}%`, background: color }} />
                </div>
                <span className="fb-gap-progress">{format.value(row.progress, { format: 'percent' })}</span>
              </td>
              <td>
                {format.value(row.actual, style)} / {format.value(row.target, style)}
              </td>
              <td className="fb-gap-gap" style={{ color }}>
                {row.gap === null ? '—' : `${row.gap > 0 ? '+' : ''}${format.value(row.gap, style)}`}
              </td>
              {showConfidence && <td>{format.value(row.confidence, { format: 'percent' })}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
