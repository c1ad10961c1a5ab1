import type { DashboardWidget } from '@formboard/schema';
import type { PointValues } from './chartModel.ts';
import type { BucketUnit } from './format.ts';
import type { FilterValues } from './types.ts';

/**
 * What a click on a bar, slice, cell, point or row stands for: the host turns it into a view of the
 * records behind it (the source form's records, narrowed by the dashboard's filters, the widget
 * query's own filter and the clicked group values).
 */
export interface ClickThrough {
  readonly widgetId: string;
  /** The form whose records to show. */
  readonly formId: string;
  /** The dashboard's filter values when clicked, minus those the widget ignores; the server resolves
   * them as it does for the widget's data. */
  readonly filters: FilterValues;
  /** The widget query's own record filter (a formula over the form's fields), if it has one. */
  readonly filter?: string;
  /** The clicked group values by field path ("" for an empty value); a time bucket's field holds the
   * bucket's first day, and `bucket` says how long the bucket is. */
  readonly values: PointValues;
  readonly bucket?: { readonly field: string; readonly unit: BucketUnit; readonly timeZone?: string };
  /** A single record (a node of an alignment tree). */
  readonly recordId?: string;
}

/** The click-through of a widget's clicked item; undefined for widgets without records behind them. */
export function clickThroughOf(
  widget: DashboardWidget,
  values: PointValues,
  filters: FilterValues,
  recordId?: string,
): ClickThrough | undefined {
  if (widget.type === 'alignmentTree') {
    const { source, filter } = widget.tree;
    return {
      widgetId: widget.id,
      formId: source,
      filters,
      ...(filter === undefined ? {} : { filter }),
      values,
      ...(recordId === undefined ? {} : { recordId }),
    };
  }
  if (!('query' in widget)) return undefined;
  const { query } = widget;
  const ignored = new Set(query.ignoreFilters ?? []);
  const bucket = query.timeBucket;
  return {
    widgetId: widget.id,
    formId: query.source,
    filters: Object.fromEntries(Object.entries(filters).filter(([id]) => !ignored.has(id))),
    ...(query.filter === undefined ? {} : { filter: query.filter }),
    values,
    ...(bucket && Object.hasOwn(values, bucket.field)
      ? {
          bucket: {
            field: bucket.field,
            unit: bucket.unit,
            ...(bucket.timeZone === undefined ? {} : { timeZone: bucket.timeZone }),
          },
        }
      : {}),
  };
}
