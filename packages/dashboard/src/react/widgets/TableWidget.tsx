import type { DashboardWidget } from '@formboard/schema';
import { type ReactNode, useMemo, useState } from 'react';
import { COLOR_HEX } from '../../core/colors.ts';
import { cellText, rowBand, sortRows, tableColumns } from '../../core/tableModel.ts';
import { numberAt } from '../../core/values.ts';
import type { WidgetProps } from '../WidgetContext.ts';

type TableWidget = Extract<DashboardWidget, { type: 'table' }>;

/** A table of the query's rows; clicking a header sorts by it (again: the other way). */
export function TableWidgetView({ widget, rows, context }: WidgetProps<TableWidget>): ReactNode {
  const { format, messages, locale, nameOf } = context;
  const columns = useMemo(() => tableColumns(widget, locale), [widget, locale]);
  const [sort, setSort] = useState<{ key: string; direction: 'asc' | 'desc' } | null>(null);
  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    return column && sort ? sortRows(rows, column, sort.direction, locale) : rows;
  }, [rows, columns, sort, locale]);
  const unit = widget.query.timeBucket?.unit;
  const toggle = (key: string) =>
    setSort((current) => ({
      key,
      direction: current?.key === key && current.direction === 'asc' ? 'desc' : 'asc',
    }));
  return (
    <table className="fb-table">
      <thead>
        <tr>
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
        {sorted.map((row, index) => {
          const band = widget.thresholds ? rowBand(widget, columns, row) : undefined;
          const coloured = widget.thresholds?.measure ?? columns.find((c) => c.kind === 'measure')?.key;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: aggregated rows have no id; order is their identity
            <tr key={index}>
              {columns.map((column) => (
                <td
                  key={column.key}
                  style={band && column.key === coloured ? { color: COLOR_HEX[band.color] } : undefined}
                  data-status={band && column.key === coloured ? band.color : undefined}
                >
                  {cellText(column, row, format, nameOf, unit)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
      {widget.display?.showTotals && (
        <tfoot>
          <tr>
            {columns.map((column, i) => (
              <td key={column.key}>
                {column.summable
                  ? format.value(
                      rows.reduce((sum, row) => sum + (numberAt(row, column.key) ?? 0), 0),
                      column.style,
                    )
                  : i === 0
                    ? messages.total
                    : ''}
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
