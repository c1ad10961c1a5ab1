import type { DashboardWidget } from '@formboard/schema';
import { type Band, bandFor } from './thresholds.ts';
import type { Row } from './types.ts';
import { mainMeasure, numberAt, previousAt } from './values.ts';

type KpiWidget = Extract<DashboardWidget, { type: 'kpi' }>;

/** What a KPI card shows, computed from its rows. */
export interface KpiModel {
  readonly measure: string;
  readonly value: number | null;
  readonly target: number | null;
  /** value ÷ target. */
  readonly achievement: number | null;
  readonly previous: number | null;
  /** (value − previous) ÷ |previous|. */
  readonly change: number | null;
  /** Whether the change is good news, by the thresholds' `higherIsBetter` (default true). */
  readonly changeIsGood: boolean | null;
  readonly band: Band | undefined;
}

/** The KPI of a card: its measure in the last row (the current period when bucketed by time). */
export function kpiModel(widget: KpiWidget, rows: readonly Row[]): KpiModel {
  const measure = mainMeasure(widget.query, widget.display?.measure);
  const row = rows.at(-1);
  const value = numberAt(row, measure);
  const target =
    widget.target === undefined
      ? null
      : 'value' in widget.target
        ? widget.target.value
        : numberAt(row, widget.target.measure);
  const higherIsBetter = widget.thresholds?.higherIsBetter ?? true;
  // Lower is better (hours to respond, defects): at the target 100 %, half the target 150 %, as the
  // starter pack's KPI scorecard counts it (2 − value / target, never below 0).
  const ratio = value !== null && target ? value / target : null;
  const achievement = ratio === null ? null : higherIsBetter ? ratio : Math.max(0, 2 - ratio);
  const previous = previousAt(row, measure);
  const change = value !== null && previous ? (value - previous) / Math.abs(previous) : null;
  const colourBy = widget.thresholds?.measure ?? measure;
  return {
    measure,
    value,
    target,
    achievement,
    previous,
    change,
    changeIsGood: change === null || change === 0 ? null : change > 0 === higherIsBetter,
    band: bandFor(widget.thresholds, numberAt(row, colourBy), target),
  };
}
