import type { DashboardWidget } from '@formboard/schema';
import { type ReactNode, useMemo, useState } from 'react';
import { rowPoint } from '../../core/chartModel.ts';
import { COLOR_HEX } from '../../core/colors.ts';
import { cellText, rowBand, sortRows, type TableColumn, tableColumns } from '../../core/tableModel.ts';
import type { Row } from '../../core/types.ts';
import { numberAt } from '../../core/values.ts';
import { useVirtualRows } from '../useVirtualRows.ts';
import type { WidgetProps } from '../WidgetContext.ts';
import { RecordLink } from './RecordLink.tsx';

type TableWidget = Extract<DashboardWidget, { type: 'table' }>;

/** Row height of a virtualised table (the stylesheet draws rows this tall). */
export const TABLE_ROW_HEIGHT = 32;
/** Without a page size, tables longer than this draw only the rows in view. */
export const VIRTUAL_FROM = 100;
const PAGER_HEIGHT = 40;

type Sort = { readonly key: string; readonly direction: 'asc' | 'desc' };

/**
 * A table of the query's rows: headers sort (again: the other way); with `pageSize` it pages, and
 * without one a long table scrolls in place, drawing only the rows in view (thousands stay fast).
 * The first cell opens the row's records when the host handles click-through.
 */
export function TableWidgetView({ widget, rows, context }: WidgetProps<TableWidget>): ReactNode {
  const { messages, locale, fieldLabel } = context;
  const columns = useMemo(() => tableColumns(widget, locale, fieldLabel), [widget, locale, fieldLabel]);
  const [sort, setSort] = useState<Sort | null>(null);
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    return column && sort ? sortRows(rows, column, sort.direction, locale) : rows;
  }, [rows, columns, sort, locale]);
  const pageSize = widget.display?.pageSize;
  const pages = pageSize ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1;
  const current = Math.min(page, pages - 1);
  const shown = pageSize ? sorted.slice(current * pageSize, (current + 1) * pageSize) : sorted;
  const virtual = !pageSize && sorted.length > VIRTUAL_FROM;
  const view = useVirtualRows(shown.length, TABLE_ROW_HEIGHT, context.height - TABLE_ROW_HEIGHT);
  const [start, end] = virtual ? [view.start, view.end] : [0, shown.length];
  const toggle = (key: string) =>
    setSort((previous) => ({
      key,
      direction: previous?.key === key && previous.direction === 'asc' ? 'desc' : 'asc',
    }));
  const table = (
    <table className="fb-table" aria-rowcount={sorted.length + 1}>
      <thead>
        <tr aria-rowindex={1}>
          {columns.map((column) => {
            const direction = sort?.key === column.key ? sort.direction : undefined;
            return (
              <th
                key={column.key}
                scope="col"
                aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
              >
                <button
                  type="button"
                  onClick={() => toggle(column.key)}
                  title={messages.sortBy(column.label)}
                >
                  {column.label}
                  {direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ''}
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {virtual && view.before > 0 && <tr className="fb-table-spacer" style={{ height: view.before }} />}
        {shown.slice(start, end).map((row, i) => {
          const index = (pageSize ? current * pageSize : 0) + start + i;
          // Aggregated rows have no id: their place in the sorted rows is their identity.
          return <TableRow key={index} index={index} row={row} columns={columns} {...{ widget, context }} />;
        })}
        {virtual && view.after > 0 && <tr className="fb-table-spacer" style={{ height: view.after }} />}
      </tbody>
      {widget.display?.showTotals && <Totals columns={columns} rows={rows} context={context} />}
    </table>
  );
  return (
    <div className="fb-table-frame">
      {virtual ? (
        <div
          className="fb-table-scroll"
          data-virtual="true"
          style={{ height: context.height, overflowY: 'auto' }}
          onScroll={view.onScroll}
        >
          {table}
        </div>
      ) : (
        <div
          className="fb-table-scroll"
          style={pageSize ? { maxHeight: context.height - PAGER_HEIGHT } : undefined}
        >
          {table}
        </div>
      )}
      {pageSize !== undefined && pages > 1 && (
        <nav className="fb-pager" aria-label={messages.pageOf(current + 1, pages)}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {messages.previousPage}
          </button>
          <span>
            {messages.pageOf(current + 1, pages)} · {messages.rowCount(sorted.length)}
          </span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {messages.nextPage}
          </button>
        </nav>
      )}
    </div>
  );
}

interface TableRowProps {
  readonly widget: TableWidget;
  readonly context: WidgetProps['context'];
  readonly columns: readonly TableColumn[];
  readonly row: Row;
  readonly index: number;
}

/** One row: cells in their formats, the threshold measure coloured, the first cell a record link. */
function TableRow({ widget, context, columns, row, index }: TableRowProps): ReactNode {
  const { format, nameOf } = context;
  const unit = widget.query.timeBucket?.unit;
  const band = widget.thresholds ? rowBand(widget, columns, row) : undefined;
  const coloured = widget.thresholds?.measure ?? columns.find((c) => c.kind === 'measure')?.key;
  const dimensions = columns.filter((c) => c.kind !== 'measure').map((c) => c.key);
  return (
    <tr aria-rowindex={index + 2}>
      {columns.map((column, i) => {
        const text = cellText(column, row, format, nameOf, unit);
        return (
          <td
            key={column.key}
            style={band && column.key === coloured ? { color: COLOR_HEX[band.color] } : undefined}
            data-status={band && column.key === coloured ? band.color : undefined}
            title={i === 0 ? text : undefined}
          >
            {i === 0 ? (
              <span className="fb-row-name">
                <RecordLink widget={widget} context={context} values={rowPoint(dimensions, row)}>
                  {text}
                </RecordLink>
              </span>
            ) : (
              text
            )}
          </td>
        );
      })}
    </tr>
  );
}

/** The totals row: sums and counts add up; other measures (averages, maxima) do not. */
function Totals({
  columns,
  rows,
  context,
}: {
  columns: readonly TableColumn[];
  rows: readonly Row[];
  context: WidgetProps['context'];
}): ReactNode {
  const totals = useMemo(
    () =>
      columns.map((c) =>
        c.summable ? rows.reduce((sum, row) => sum + (numberAt(row, c.key) ?? 0), 0) : null,
      ),
    [columns, rows],
  );
  return (
    <tfoot>
      <tr>
        {columns.map((column, i) => (
          <td key={column.key}>
            {column.summable
              ? context.format.value(totals[i] ?? 0, column.style)
              : i === 0
                ? context.messages.total
                : ''}
          </td>
        ))}
      </tr>
    </tfoot>
  );
}
