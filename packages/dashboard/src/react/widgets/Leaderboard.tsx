import type { DashboardWidget } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { COLOR_HEX, NEUTRAL } from '../../core/colors.ts';
import { displayStyle } from '../../core/displayStyle.ts';
import { type LeaderboardEntry, leaderboardModel } from '../../core/leaderboardModel.ts';
import { mainMeasure } from '../../core/values.ts';
import type { WidgetContext, WidgetProps } from '../WidgetContext.ts';
import { RecordLink } from './RecordLink.tsx';

type LeaderboardWidget = Extract<DashboardWidget, { type: 'leaderboard' }>;

/** The rank change badge: ▲2 in green, ▼1 in red, "new", or a dash. */
function RankChange({ entry, context }: { entry: LeaderboardEntry; context: WidgetContext }): ReactNode {
  const { messages } = context;
  if (entry.isNew)
    return (
      <span className="fb-rank-change" data-change="new">
        {messages.newEntry}
      </span>
    );
  if (entry.change === null) return null;
  const [text, label, color, kind] =
    entry.change > 0
      ? [`▲${entry.change}`, messages.movedUp(entry.change), COLOR_HEX.green, 'up']
      : entry.change < 0
        ? [`▼${-entry.change}`, messages.movedDown(-entry.change), COLOR_HEX.red, 'down']
        : ['–', messages.sameRank, NEUTRAL, 'same'];
  return (
    <span className="fb-rank-change" data-change={kind} style={{ color }} title={label}>
      <span aria-hidden="true">{text}</span>
      <span className="fb-sr-only">{label}</span>
    </span>
  );
}

/** A leaderboard: rank, name, value in its band colour and the change of rank since the previous period. */
export function Leaderboard({ widget, rows, context }: WidgetProps<LeaderboardWidget>): ReactNode {
  const { format, messages, locale } = context;
  const display = widget.display ?? {};
  const entries = useMemo(
    () => leaderboardModel(widget, rows, context.nameOf, context.viewerId),
    [widget, rows, context],
  );
  const field = widget.query.groupBy?.[0] ?? '';
  const style = displayStyle(widget.query, mainMeasure(widget.query, display.measure), display, locale);
  return (
    <ol className="fb-leaderboard">
      {entries.map((entry) => (
        <li
          key={entry.key}
          className="fb-leaderboard-row"
          data-viewer={display.highlightViewer && entry.isViewer ? 'true' : undefined}
          aria-current={display.highlightViewer && entry.isViewer ? 'true' : undefined}
        >
          {display.showRank !== false && (
            <span className="fb-rank">
              <span className="fb-sr-only">{messages.rank} </span>
              {entry.rank}
            </span>
          )}
          <span className="fb-leaderboard-name">
            <RecordLink widget={widget} context={context} values={{ [field]: entry.key }}>
              {entry.name}
            </RecordLink>
            {display.highlightViewer && entry.isViewer && messages.you}
          </span>
          <span
            className="fb-leaderboard-value"
            data-status={entry.band?.color}
            style={entry.band ? { color: COLOR_HEX[entry.band.color] } : undefined}
          >
            {format.value(entry.value, style)}
          </span>
          <RankChange entry={entry} context={context} />
        </li>
      ))}
    </ol>
  );
}
