import type { ChartOption } from './chartParts.ts';
import { numberAt } from './values.ts';

/** The group values a drawn point stands for: group fields and the time bucket's field by path
 * (a bucket by its start day); "" stands for an empty group. */
export type PointValues = Readonly<Record<string, string>>;

/** An echarts option, and for click-through the group values behind each drawn point. */
export interface ChartModel {
  readonly option: ChartOption;
  /** The group values of data item `dataIndex` of series `seriesIndex`; undefined for decoration
   * (a target line, a gauge's scale). */
  readonly pointAt: (seriesIndex: number, dataIndex: number) => PointValues | undefined;
}

/** The group values of a result row: its group fields and time bucket field, as text. */
export function rowPoint(fields: readonly string[], row: Readonly<Record<string, unknown>>): PointValues {
  const point: Record<string, string> = {};
  for (const field of fields) {
    const value = row[field];
    point[field] = value === null || value === undefined ? '' : String(value);
  }
  return point;
}

/** The display name of a group value ("—" for an empty group). */
export function groupLabel(
  nameOf: (field: string, value: string) => string,
  field: string,
  key: string,
): string {
  return key === '' ? '—' : nameOf(field, key);
}

/** A group value of a row as text ("" when empty). */
export function groupKey(row: Readonly<Record<string, unknown>>, field: string | undefined): string {
  const value = field === undefined ? undefined : row[field];
  return value === null || value === undefined ? '' : String(value);
}

/** One group of a chart with one value per group: its row, value and display name. */
export interface MeasuredGroup {
  readonly row: Readonly<Record<string, unknown>>;
  readonly value: number;
  readonly name: string;
}

/** The groups of rows that have a value for `measure`, in row order, named by `nameOf`. */
export function measuredGroups(
  rows: readonly Readonly<Record<string, unknown>>[],
  measure: string,
  field: string | undefined,
  nameOf: (field: string, value: string) => string,
): MeasuredGroup[] {
  return rows.flatMap((row) => {
    const value = numberAt(row, measure);
    if (value === null) return [];
    return [{ row, value, name: field === undefined ? '' : groupLabel(nameOf, field, groupKey(row, field)) }];
  });
}

/** The click-through values of group `index` of `groups`, grouped by `field`. */
export function groupPoint(
  groups: readonly MeasuredGroup[],
  field: string | undefined,
  seriesIndex: number,
  index: number,
): PointValues | undefined {
  const group = seriesIndex === 0 ? groups[index] : undefined;
  return group && field !== undefined ? rowPoint([field], group.row) : undefined;
}
