import type { DashboardWidget } from '@formboard/schema';
import type { ReactNode } from 'react';
import type { PointValues } from '../../core/chartModel.ts';
import type { WidgetContext } from '../WidgetContext.ts';

/** Props of {@link RecordLink}. */
export interface RecordLinkProps {
  readonly widget: DashboardWidget;
  readonly context: WidgetContext;
  readonly values: PointValues;
  readonly recordId?: string;
  readonly children: ReactNode;
}

/** Its children as a button that opens the records behind them, when the host handles click-through. */
export function RecordLink({ widget, context, values, recordId, children }: RecordLinkProps): ReactNode {
  const { openRecords } = context;
  if (!openRecords) return children;
  return (
    <button
      type="button"
      className="fb-link"
      title={context.messages.openRecords}
      onClick={() => openRecords(widget, values, recordId)}
    >
      {children}
    </button>
  );
}
