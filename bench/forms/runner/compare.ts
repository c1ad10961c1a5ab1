/** Ratios against react-hook-form and against the best schema-driven peer, per metric. */
import { BASELINE, LABELS, type LibraryId, SCHEMA_PEERS } from '../protocol.ts';
import type { Metric } from './metrics.ts';
import type { LibraryResult } from './results.ts';

export interface Best {
  readonly library: LibraryId;
  readonly value: number;
}

const usable = (r: LibraryResult | undefined): r is LibraryResult =>
  r !== undefined && r.failure === undefined;

/** The schema-driven peer with the lowest value of a metric (undefined when none was measured). */
export function bestPeer(results: ReadonlyMap<LibraryId, LibraryResult>, metric: Metric): Best | undefined {
  let best: Best | undefined;
  for (const library of SCHEMA_PEERS) {
    const r = results.get(library);
    if (!usable(r)) continue;
    const value = metric.value(r);
    if (Number.isFinite(value) && (best === undefined || value < best.value)) best = { library, value };
  }
  return best;
}

/** value ÷ react-hook-form's value (NaN when either is missing). */
export function vsBaseline(
  results: ReadonlyMap<LibraryId, LibraryResult>,
  r: LibraryResult,
  metric: Metric,
): number {
  const base = results.get(BASELINE);
  return usable(base) ? metric.value(r) / metric.value(base) : Number.NaN;
}

export const label = (library: LibraryId): string => LABELS[library];
