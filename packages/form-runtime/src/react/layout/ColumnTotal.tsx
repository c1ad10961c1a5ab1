import type { FieldInfo } from '@formboard/schema';
import { unitOf } from '../fieldOptions.ts';
import { useRenderer } from '../RendererContext.ts';
import { useFieldSelector } from '../useSelector.ts';
import type { TableColumn } from './RepeatingTable.tsx';

/** Which columns get a total: numbers shown as numbers, percentages, money and computed values. */
export function totalledAs(field: FieldInfo, widget: string | undefined): TableColumn['total'] {
  if (field.kind !== 'number' || field.options) return undefined;
  if (widget === 'percent' || widget === 'currency') return widget;
  return widget === 'number' || widget === 'computed' ? 'number' : undefined;
}

/** Sum of a column over the rows (cells that are not numbers count as 0). */
export function columnSum(rows: unknown, column: string): number {
  if (!Array.isArray(rows)) return 0;
  let sum = 0;
  for (const row of rows) {
    const value =
      row !== null && typeof row === 'object' ? (row as Record<string, unknown>)[column] : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) sum += value;
  }
  return Math.round(sum * 1e9) / 1e9;
}

/** A column's total, re-rendered only when the sum changes. */
export function ColumnTotal({ table, column }: { readonly table: string; readonly column: TableColumn }) {
  const r = useRenderer();
  const sum = useFieldSelector(r.engine, table, (s) => columnSum(s.value, column.node.path));
  const currency = column.node.props?.currency;
  const text =
    column.total === 'percent'
      ? r.format.percent(sum)
      : column.total === 'currency'
        ? r.format.currency(sum, typeof currency === 'string' ? currency : 'CNY')
        : `${r.format.number(sum)}${unitOf(column.field, r.locale) ? ` ${unitOf(column.field, r.locale)}` : ''}`;
  return <output className="fb-total">{text}</output>;
}
