import type { DashboardWidget } from '@formboard/schema';
import { type Band, bandFor, DEFAULT_PROGRESS_THRESHOLDS } from './thresholds.ts';
import type { Row } from './types.ts';
import { numberAt } from './values.ts';

type GapBoardWidget = Extract<DashboardWidget, { type: 'gapBoard' }>;

/** One person's or team's progress against target. */
export interface GapRow {
  /** The group value (a user or org-unit id), or `#index` for a row without one. */
  readonly key: string;
  /** The group value for click-through ("" when empty). */
  readonly group: string;
  readonly name: string;
  readonly actual: number | null;
  readonly target: number | null;
  /** actual − target: negative is a shortfall when higher is better. */
  readonly gap: number | null;
  /** actual ÷ target. */
  readonly progress: number | null;
  readonly confidence: number | null;
  readonly band: Band | undefined;
}

/** The rows of a gap board, named by `nameOf` and sorted by the display's `sortBy` (worst first). */
export function gapBoardModel(
  widget: GapBoardWidget,
  rows: readonly Row[],
  nameOf: (key: string) => string,
): GapRow[] {
  const { display } = widget;
  const groupField = widget.query.groupBy?.[0];
  const thresholds = widget.thresholds ?? DEFAULT_PROGRESS_THRESHOLDS;
  const higherIsBetter = thresholds.higherIsBetter;
  const out = rows.map((row, index): GapRow => {
    const raw = groupField === undefined ? undefined : row[groupField];
    const key = raw === undefined || raw === null ? `#${index}` : String(raw);
    const actual = numberAt(row, display.actual);
    const target = numberAt(row, display.target);
    const measured = thresholds.measure === undefined ? actual : numberAt(row, thresholds.measure);
    return {
      key,
      group: raw === undefined || raw === null ? '' : key,
      name: raw === undefined || raw === null ? '—' : nameOf(key),
      actual,
      target,
      gap: actual !== null && target !== null ? actual - target : null,
      progress: actual !== null && target ? actual / target : null,
      confidence: display.confidence === undefined ? null : numberAt(row, display.confidence),
      band: bandFor(thresholds, measured, target),
    };
  });
  // Worst first: the biggest shortfall (or overrun when lower is better) heads the board.
  const sign = higherIsBetter ? 1 : -1;
  const missingLast = (n: number | null) => (n === null ? Number.POSITIVE_INFINITY : sign * n);
  if (display.sortBy === 'gap') out.sort((a, b) => missingLast(a.gap) - missingLast(b.gap));
  else if (display.sortBy === 'progress')
    out.sort((a, b) => missingLast(a.progress) - missingLast(b.progress));
  else if (display.sortBy === 'name') out.sort((a, b) => a.name.localeCompare(b.name));
  return out;
}
