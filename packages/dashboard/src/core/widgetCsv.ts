import type { DashboardWidget } from '@formboard/schema';
import { alertListModel } from './alertListModel.ts';
import { alignmentTreeModel, type TreeNode } from './alignmentTreeModel.ts';
import { type CsvCell, toCsv } from './csv.ts';
import type { DashboardMessages } from './messages.ts';
import { queryColumns, tableColumns } from './tableModel.ts';
import { queryOf, type Row } from './types.ts';
import { numberAt } from './values.ts';

/** What a widget's CSV needs besides its rows. */
export interface CsvContext {
  readonly locale: string;
  readonly messages: DashboardMessages;
  readonly nameOf: (field: string, value: string) => string;
  /** A field's title in the widget's source form (default: its path). */
  readonly fieldLabel?: (field: string) => string;
  readonly nowMs: number;
}

const HOUR = 3_600_000;
const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR) * 10) / 10);

function treeRows(nodes: readonly TreeNode[], nameOf: CsvContext['nameOf']): CsvCell[][] {
  return nodes.flatMap((node) => [
    [node.depth + 1, node.title, node.owner === null ? null : nameOf('owner', node.owner), node.progress],
    ...treeRows(node.children, nameOf),
  ]);
}

/**
 * A widget's data as CSV, as it is shown: group values by name, buckets by their first day, measures
 * as plain numbers (percent measures as ratios), tables with their listed columns; alert lists and
 * alignment trees with their own columns. Undefined for widgets without data (text).
 */
export function widgetCsv(
  widget: DashboardWidget,
  rows: readonly Row[],
  context: CsvContext,
): string | undefined {
  const { messages, nameOf, locale } = context;
  if (widget.type === 'alertList') {
    const alerts = alertListModel(widget, rows, context.nowMs, locale);
    return toCsv(
      messages.alertCsvHeader,
      alerts.map((a) => [
        a.title,
        a.subject === null ? null : nameOf('groupKey', a.subject),
        a.assignee === null ? null : nameOf('assigneeId', a.assignee),
        messages.severities[a.severity],
        messages.alertStatuses[a.status],
        a.openedAt,
        hours(a.ageMs),
        hours(a.responseMs),
      ]),
    );
  }
  if (widget.type === 'alignmentTree')
    return toCsv(messages.treeCsvHeader, treeRows(alignmentTreeModel(widget, rows), nameOf));
  const query = queryOf(widget);
  if (!query) return undefined;
  const { fieldLabel } = context;
  const columns =
    widget.type === 'table'
      ? tableColumns(widget, locale, fieldLabel)
      : queryColumns(query, locale, undefined, fieldLabel);
  return toCsv(
    columns.map((c) => c.label),
    rows.map((row) =>
      columns.map((column): CsvCell => {
        if (column.kind === 'measure') return numberAt(row, column.key);
        const value = row[column.key];
        if (value === null || value === undefined || value === '') return null;
        return column.kind === 'bucket' ? String(value).slice(0, 10) : nameOf(column.key, String(value));
      }),
    ),
  );
}
