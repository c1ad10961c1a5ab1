import type { DashboardWidget, LocalizedText } from '@formboard/schema';
import { localize } from '@formboard/schema';
import type { Row } from './types.ts';

type AlertListWidget = Extract<DashboardWidget, { type: 'alertList' }>;

/** How serious an alert is. */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** The time an alert may wait for its first response (the starter pack escalates after 24 h). */
export const RESPONSE_GOAL_MS = 24 * 3_600_000;

/** An alert as the list shows it. */
export interface AlertEntry {
  readonly id: string;
  readonly title: string;
  /** Whom the alert is about (e.g. the employee below baseline), a user id. */
  readonly subject: string | null;
  readonly assignee: string | null;
  readonly severity: AlertSeverity;
  readonly status: 'open' | 'acknowledged' | 'closed';
  readonly openedAt: string;
  /** How long it has been open (until closed, for closed ones). */
  readonly ageMs: number;
  /** Time from opening to the first response; null while nobody has responded. */
  readonly responseMs: number | null;
  /** Unanswered for longer than RESPONSE_GOAL_MS. */
  readonly overdue: boolean;
}

const SEVERITY_ORDER: Readonly<Record<AlertSeverity, number>> = { critical: 0, warning: 1, info: 2 };
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

/** An alert row's title: its `title` (text or localized text), else its workflow id. */
function titleOf(row: Row, locale: string): string {
  const title = row.title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') return localize(title as LocalizedText, locale);
  return text(row.workflowId) ?? '';
}

/**
 * The alerts a list shows, from rows shaped like the server's alerts (`id`, `groupKey`,
 * `assigneeId`, `status`, `openedAt`, `acknowledgedAt`, `secondsToAcknowledge`, `closedAt`, plus
 * optional `severity` — default "warning" — and `title`): only the display's severities and, by
 * default, those not closed; most severe first, then oldest first; at most `maxItems` (default 10).
 */
export function alertListModel(
  widget: AlertListWidget,
  rows: readonly Row[],
  nowMs: number,
  locale: string,
): AlertEntry[] {
  const display = widget.display ?? {};
  const severities = new Set<AlertSeverity>(display.severities ?? ['info', 'warning', 'critical']);
  const entries = rows.flatMap((row): AlertEntry[] => {
    const opened = time(row.openedAt);
    const id = text(row.id);
    if (id === null || Number.isNaN(opened)) return [];
    const severity = row.severity === 'info' || row.severity === 'critical' ? row.severity : 'warning';
    const status = row.status === 'acknowledged' || row.status === 'closed' ? row.status : 'open';
    if (!severities.has(severity) || (display.status !== 'all' && status === 'closed')) return [];
    const closed = time(row.closedAt);
    const acknowledged = time(row.acknowledgedAt);
    const seconds = typeof row.secondsToAcknowledge === 'number' ? row.secondsToAcknowledge : null;
    const responseMs =
      seconds !== null ? seconds * 1000 : Number.isNaN(acknowledged) ? null : acknowledged - opened;
    const ageMs = (Number.isNaN(closed) ? nowMs : closed) - opened;
    return [
      {
        id,
        title: titleOf(row, locale),
        subject: text(row.groupKey),
        assignee: text(row.assigneeId),
        severity,
        status,
        openedAt: String(row.openedAt),
        ageMs,
        responseMs,
        overdue: responseMs === null ? ageMs > RESPONSE_GOAL_MS : responseMs > RESPONSE_GOAL_MS,
      },
    ];
  });
  entries.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.ageMs - a.ageMs);
  return entries.slice(0, display.maxItems ?? 10);
}
