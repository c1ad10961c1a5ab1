import type { DashboardQuery } from '@formboard/schema';
import type { ValueFormatter } from './format.ts';
import type { Row } from './types.ts';
import { measureLabel, numberAt } from './values.ts';

/** What chart options need besides the rows: the locale's formatter and names for group values. */
export interface ChartContext {
  readonly format: ValueFormatter;
  /** The display name of a group value (a person's or unit's name for their id). */
  readonly nameOf: (field: string, value: string) => string;
}

/** One drawn series: a measure, or a measure for one group when a time chart is split by group. */
export interface ChartSeries {
  readonly name: string;
  readonly measure: string;
  readonly values: readonly (number | null)[];
  /** The group value this series is for, when the chart is split by group. */
  readonly split?: string;
}

/** Rows pivoted for a category chart: the x categories and the series over them. */
export interface ChartData {
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** The raw value behind each category (a bucket's start day, a group value). */
  readonly keys: readonly string[];
  /** The field the categories come from, and the one series are split by. */
  readonly categoryField?: string;
  readonly splitField?: string;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * Pivots rows for a line or bar chart. Categories are the time buckets (in order) or else the first
 * group field's values; with both a time bucket and a group field there is one series per group.
 */
export function chartData(
  query: DashboardQuery,
  rows: readonly Row[],
  measures: readonly string[],
  context: ChartContext,
): ChartData {
  const bucket = query.timeBucket;
  const groupField = query.groupBy?.[0];
  const categoryField = bucket?.field ?? groupField;
  const splitField = bucket ? groupField : undefined;
  const keys = [...new Set(rows.map((row) => (categoryField ? text(row[categoryField]) : '')))];
  if (bucket) keys.sort();
  const categories = keys.map((key) => {
    if (bucket) return context.format.bucket(key, bucket.unit);
    return categoryField && key !== '' ? context.nameOf(categoryField, key) : '';
  });
  const index = new Map(keys.map((key, i) => [key, i]));
  const splits = splitField ? [...new Set(rows.map((row) => text(row[splitField])))] : [undefined];
  const series: ChartSeries[] = [];
  for (const split of splits) {
    for (const measure of measures) {
      const values: (number | null)[] = keys.map(() => null);
      for (const row of rows) {
        if (splitField && text(row[splitField]) !== split) continue;
        const at = index.get(categoryField ? text(row[categoryField]) : '');
        if (at !== undefined) values[at] = numberAt(row, measure);
      }
      const label = measureLabel(query, measure, context.format.locale);
      const groupName = splitField && split !== undefined ? context.nameOf(splitField, split) : undefined;
      const name =
        groupName === undefined ? label : measures.length > 1 ? `${groupName} · ${label}` : groupName;
      series.push(split === undefined ? { name, measure, values } : { name, measure, values, split });
    }
  }
  return {
    categories,
    series,
    keys,
    ...(categoryField === undefined ? {} : { categoryField }),
    ...(splitField === undefined ? {} : { splitField }),
  };
}

/** The group values of the point at (series, category) of pivoted data; undefined past its series. */
export function categoryPoint(
  data: ChartData,
  seriesIndex: number,
  dataIndex: number,
): Readonly<Record<string, string>> | undefined {
  const series = data.series[seriesIndex];
  const key = data.keys[dataIndex];
  if (!series || key === undefined) return undefined;
  return {
    ...(data.categoryField === undefined ? {} : { [data.categoryField]: key }),
    ...(data.splitField === undefined || series.split === undefined
      ? {}
      : { [data.splitField]: series.split }),
  };
}
