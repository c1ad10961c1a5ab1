import type { DashboardQuery, DashboardWidget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import type { ValueFormatter, ValueStyle } from './format.ts';
import { type Band, bandFor } from './thresholds.ts';
import type { Row } from './types.ts';
import { measureById, measureLabel, numberAt } from './values.ts';

type TableWidget = Extract<DashboardWidget, { type: 'table' }>;

/** A column of a table widget: a group field, the time bucket, or a measure. */
export interface TableColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: 'group' | 'bucket' | 'measure';
  readonly style: ValueStyle;
  /** Whether a totals row can add it up (sums and counts; an average of averages would mislead). */
  readonly summable: boolean;
}

/** A column a table widget's display lists. */
type ListedColumn = NonNullable<NonNullable<TableWidget['display']>['columns']>[number];

const byPath = (path: string) => path;

/**
 * The columns of a table widget: those listed, else group fields, the bucket, then measures; group
 * and bucket columns are named by `fieldLabel` (the source form's field titles) unless listed with a label.
 */
export function tableColumns(
  widget: TableWidget,
  locale: string,
  fieldLabel: (path: string) => string = byPath,
): TableColumn[] {
  return queryColumns(widget.query, locale, widget.display?.columns, fieldLabel);
}

/** The columns of a query's rows: those listed, else its group fields, the bucket, then measures. */
export function queryColumns(
  query: DashboardQuery,
  locale: string,
  listed?: readonly ListedColumn[],
  fieldLabel: (path: string) => string = byPath,
): TableColumn[] {
  const columns: readonly ListedColumn[] =
    listed ??
    [
      ...(query.groupBy ?? []),
      ...(query.timeBucket ? [query.timeBucket.field] : []),
      ...query.measures.map((m) => m.id),
    ].map((key) => ({ key }));
  return columns.map((column) => {
    const measure = measureById(query, column.key);
    const kind = measure ? 'measure' : column.key === query.timeBucket?.field ? 'bucket' : 'group';
    const format = column.format ?? measure?.format;
    return {
      key: column.key,
      label:
        column.label !== undefined
          ? localize(column.label, locale)
          : measure
            ? measureLabel(query, column.key, locale)
            : fieldLabel(column.key),
      kind,
      style: {
        ...(format === undefined ? {} : { format }),
        ...(column.decimals === undefined ? {} : { decimals: column.decimals }),
      },
      summable: measure !== undefined && 'op' in measure && (measure.op === 'sum' || measure.op === 'count'),
    };
  });
}

/** A cell's text: names for group values, periods for buckets, formatted numbers for measures. */
export function cellText(
  column: TableColumn,
  row: Row,
  format: ValueFormatter,
  nameOf: (field: string, value: string) => string,
  unit: Parameters<ValueFormatter['bucket']>[1] | undefined,
): string {
  const value = row[column.key];
  if (column.kind === 'measure') return format.value(numberAt(row, column.key), column.style);
  if (value === null || value === undefined || value === '') return '—';
  if (column.kind === 'bucket' && unit) return format.bucket(String(value), unit);
  return nameOf(column.key, String(value));
}

/** The band of a row: its threshold measure (else the first measure column) against the thresholds. */
export function rowBand(widget: TableWidget, columns: readonly TableColumn[], row: Row): Band | undefined {
  const measure = widget.thresholds?.measure ?? columns.find((c) => c.kind === 'measure')?.key;
  return measure === undefined ? undefined : bandFor(widget.thresholds, numberAt(row, measure), null);
}

/** Rows sorted by one column (numbers numerically, text by locale; empty cells last). */
export function sortRows(
  rows: readonly Row[],
  column: TableColumn,
  direction: 'asc' | 'desc',
  locale: string,
): Row[] {
  const sign = direction === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(locale, { numeric: true });
  return [...rows].sort((a, b) => {
    const x = a[column.key];
    const y = b[column.key];
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    if (column.kind === 'measure')
      return sign * ((numberAt(a, column.key) ?? 0) - (numberAt(b, column.key) ?? 0));
    return sign * collator.compare(String(x), String(y));
  });
}
