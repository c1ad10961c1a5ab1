import type { DashboardWidget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { COLOR_HEX } from '../../core/colors.ts';
import { nineBoxModel } from '../../core/nineBoxModel.ts';
import { measureLabel } from '../../core/values.ts';
import type { WidgetProps } from '../WidgetContext.ts';
import { RecordLink } from './RecordLink.tsx';

type NineBoxWidget = Extract<DashboardWidget, { type: 'nineBox' }>;

// Drawn top row first: high y at the top, like the talent grids HR teams know.
const ROWS_TOP_DOWN = [2, 1, 0] as const;
// Names shown per box; the count says how many there are in all.
const NAMES_SHOWN = 12;

/** The nine-box: 3 × 3 boxes by two measures, each with its name, head count and the people in it. */
export function NineBox({ widget, rows, context }: WidgetProps<NineBoxWidget>): ReactNode {
  const { locale, messages } = context;
  const { display, query } = widget;
  const model = useMemo(
    () => nineBoxModel(widget, rows, context.nameOf, locale),
    [widget, rows, context, locale],
  );
  const field = query.groupBy?.[0] ?? '';
  const boxLabel = (index: number) => {
    const label = display.boxLabels?.[index];
    return label === undefined ? (messages.boxLabels[index] ?? '') : localize(label, locale);
  };
  const xLabel =
    display.xLabel === undefined ? measureLabel(query, display.x, locale) : localize(display.xLabel, locale);
  const yLabel =
    display.yLabel === undefined ? measureLabel(query, display.y, locale) : localize(display.yLabel, locale);
  return (
    <figure className="fb-nine-box">
      <div className="fb-nine-box-y">{yLabel} ↑</div>
      <div className="fb-nine-box-grid">
        {ROWS_TOP_DOWN.flatMap((row) =>
          [0, 1, 2].map((column) => {
            const cell = model.cells[row * 3 + column];
            if (!cell) return null;
            const color = COLOR_HEX[cell.color];
            return (
              <section
                key={cell.index}
                className="fb-nine-box-cell"
                aria-label={`${boxLabel(cell.index)} (${cell.members.length})`}
                data-box={cell.index}
                data-color={cell.color}
                style={{ borderColor: color, background: `${color}14` }}
              >
                <header className="fb-nine-box-label" style={{ color }}>
                  {boxLabel(cell.index)} <span className="fb-nine-box-count">{cell.members.length}</span>
                </header>
                <ul>
                  {cell.members.slice(0, NAMES_SHOWN).map((member) => (
                    <li key={member.key}>
                      <RecordLink widget={widget} context={context} values={{ [field]: member.key }}>
                        {member.name}
                      </RecordLink>
                    </li>
                  ))}
                  {cell.members.length > NAMES_SHOWN && <li>+{cell.members.length - NAMES_SHOWN}</li>}
                </ul>
              </section>
            );
          }),
        )}
      </div>
      <figcaption className="fb-nine-box-x">
        {xLabel} →
        {model.unplaced > 0 && (
          <span className="fb-nine-box-unplaced"> · {messages.unplaced(model.unplaced)}</span>
        )}
      </figcaption>
    </figure>
  );
}
