import type { DashboardWidget } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { alertListModel } from '../../core/alertListModel.ts';
import { COLOR_HEX } from '../../core/colors.ts';
import type { WidgetProps } from '../WidgetContext.ts';

type AlertListWidget = Extract<DashboardWidget, { type: 'alertList' }>;

const SEVERITY_COLOR = { critical: COLOR_HEX.red, warning: COLOR_HEX.orange, info: COLOR_HEX.blue } as const;

/**
 * Open alerts, most severe and oldest first: what and whom it is about, its severity, how long it has
 * been open, and the time to the first response (red once it waited longer than 24 hours).
 */
export function AlertList({ widget, rows, context }: WidgetProps<AlertListWidget>): ReactNode {
  const { format, messages, locale, nameOf } = context;
  const alerts = useMemo(
    () => alertListModel(widget, rows, context.now(), locale),
    [widget, rows, context, locale],
  );
  if (alerts.length === 0)
    return (
      <div className="fb-widget-note">
        <p>
          <strong>{messages.noAlerts}</strong>
        </p>
        <p>{messages.noAlertsHint}</p>
      </div>
    );
  return (
    <ul className="fb-alerts">
      {alerts.map((alert) => (
        <li
          key={alert.id}
          className="fb-alert"
          data-severity={alert.severity}
          data-overdue={alert.overdue || undefined}
        >
          <span className="fb-alert-severity" style={{ background: SEVERITY_COLOR[alert.severity] }}>
            {messages.severities[alert.severity]}
          </span>
          <span className="fb-alert-title">
            {alert.title}
            {alert.subject !== null && ` · ${nameOf('groupKey', alert.subject)}`}
          </span>
          <span className="fb-alert-meta">
            {messages.openFor(format.elapsed(alert.ageMs))}
            {alert.assignee !== null && ` · ${messages.assignee} ${nameOf('assigneeId', alert.assignee)}`}
            {' · '}
            <span className="fb-alert-response" style={alert.overdue ? { color: COLOR_HEX.red } : undefined}>
              {alert.responseMs === null
                ? alert.overdue
                  ? messages.overdue
                  : messages.noResponse
                : messages.respondedIn(format.elapsed(alert.responseMs))}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
