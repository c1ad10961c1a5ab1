import type { DashboardQuery, LocalizedText } from '@formboard/schema';
import { localize } from '@formboard/schema';
import type { Row } from './types.ts';

/** The key under which the server puts a row's previous-period measures. */
export const PREVIOUS = '$previous';

/** A row's value as a finite number (databases may send numerics as strings), else null. */
export function numberAt(row: Row | undefined, key: string): number | null {
  const value = row?.[key];
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The previous period's value of a measure, when the row carries one. */
export function previousAt(row: Row | undefined, measure: string): number | null {
  const previous = row?.[PREVIOUS];
  return previous && typeof previous === 'object' ? numberAt(previous as Row, measure) : null;
}

type Measure = DashboardQuery['measures'][number];

/** The query's measure with this id. */
export function measureById(query: DashboardQuery, id: string): Measure | undefined {
  return query.measures.find((m) => m.id === id);
}

/** A measure's label in the locale, or its id when it has none. */
export function measureLabel(query: DashboardQuery, id: string, locale: string): string {
  const label: LocalizedText | undefined = measureById(query, id)?.label;
  return label === undefined ? id : localize(label, locale);
}

/** The measure a single-value widget shows: the one named, else the query's first. */
export function mainMeasure(query: DashboardQuery, named: string | undefined): string {
  return named ?? query.measures[0]?.id ?? '';
}
