import type { DashboardWidget } from '@formboard/schema';
import { groupKey, groupLabel } from './chartModel.ts';
import { type Band, bandFor } from './thresholds.ts';
import type { Row } from './types.ts';
import { mainMeasure, numberAt, PREVIOUS, previousAt } from './values.ts';

type LeaderboardWidget = Extract<DashboardWidget, { type: 'leaderboard' }>;

/** One place on a leaderboard. */
export interface LeaderboardEntry {
  /** The group value (a person's or team's id). */
  readonly key: string;
  readonly name: string;
  readonly value: number | null;
  /** 1 for the best; equal values share a rank (1, 1, 3). */
  readonly rank: number;
  /** The rank the previous period's values give among the same rows; null without one. */
  readonly previousRank: number | null;
  /** Places gained since the previous period (negative: lost); null without a previous rank. */
  readonly change: number | null;
  /** The query compares with the previous period and this row had no value then. */
  readonly isNew: boolean;
  readonly band: Band | undefined;
  readonly isViewer: boolean;
}

/** Competition ranks (1, 1, 3) of values, best first by `higherIsBetter`; null values get none. */
function ranks(values: readonly (number | null)[], higherIsBetter: boolean): (number | null)[] {
  const order = values
    .map((value, index) => ({ value, index }))
    .filter((entry): entry is { value: number; index: number } => entry.value !== null)
    .sort((a, b) => (higherIsBetter ? b.value - a.value : a.value - b.value));
  const out: (number | null)[] = values.map(() => null);
  order.forEach((entry, position) => {
    const before = order[position - 1];
    out[entry.index] =
      before && before.value === entry.value ? (out[before.index] ?? position + 1) : position + 1;
  });
  return out;
}

/**
 * The leaderboard of a widget: its rows ranked by the measure (best first by the thresholds'
 * `higherIsBetter`, default true; rows without a value last), with the rank change against the
 * previous period when the query compares with it. Previous ranks are among the rows shown, so with a
 * query limit someone who climbs into the top N from outside counts as moving up from the bottom.
 */
export function leaderboardModel(
  widget: LeaderboardWidget,
  rows: readonly Row[],
  nameOf: (field: string, value: string) => string,
  viewerId: string | undefined,
): LeaderboardEntry[] {
  const measure = mainMeasure(widget.query, widget.display?.measure);
  const field = widget.query.groupBy?.[0];
  const higherIsBetter = widget.thresholds?.higherIsBetter ?? true;
  const compares = rows.some((row) => row[PREVIOUS] !== undefined);
  const values = rows.map((row) => numberAt(row, measure));
  const previousValues = rows.map((row) => previousAt(row, measure));
  const current = ranks(values, higherIsBetter);
  const previous = ranks(previousValues, higherIsBetter);
  const entries = rows.map((row, i): LeaderboardEntry => {
    const key = groupKey(row, field);
    const rank = current[i] ?? rows.length;
    const previousRank = previous[i] ?? null;
    return {
      key,
      name: field === undefined ? '' : groupLabel(nameOf, field, key),
      value: values[i] ?? null,
      rank,
      previousRank,
      change: previousRank === null || values[i] === null ? null : previousRank - rank,
      isNew: compares && previousRank === null && values[i] !== null,
      band: bandFor(widget.thresholds, values[i] ?? null, null),
      isViewer: viewerId !== undefined && key === viewerId,
    };
  });
  return entries.sort((a, b) =>
    a.value === null ? (b.value === null ? 0 : 1) : b.value === null ? -1 : a.rank - b.rank,
  );
}
