/**
 * The goals from the issue, checked at 2,000 fields as ratios within the same run:
 * key JS ≤ react-hook-form's and ≤ ½ the best schema-driven peer's; key→paint ≤ 1.1 × react-hook-form's;
 * mount ≤ react-hook-form's; submit (valid and 10% bad) ≤ ½ the best schema-driven peer's;
 * heap and gzipped size ≤ the best schema-driven peer's.
 */
import { BASELINE, type LibraryId } from '../protocol.ts';
import { bestPeer, label } from './compare.ts';
import { type MetricId, metric } from './metrics.ts';
import type { LibraryResult } from './results.ts';
import { ratio } from './stats.ts';

interface Goal {
  readonly metric: MetricId;
  readonly against: 'baseline' | 'best peer';
  /** The largest ratio that meets the goal. */
  readonly limit: number;
}

const GOALS: readonly Goal[] = [
  { metric: 'keyJs50', against: 'baseline', limit: 1 },
  { metric: 'keyJs50', against: 'best peer', limit: 0.5 },
  { metric: 'keyPaint50', against: 'baseline', limit: 1.1 },
  { metric: 'mount', against: 'baseline', limit: 1 },
  { metric: 'submitValid', against: 'best peer', limit: 0.5 },
  { metric: 'submitInvalid', against: 'best peer', limit: 0.5 },
  { metric: 'heap', against: 'best peer', limit: 1 },
  { metric: 'gzip', against: 'best peer', limit: 1 },
];

/** One line per goal: the ratio, the limit, and whether it is met. */
export function checkGoals(results: ReadonlyMap<LibraryId, LibraryResult>): string[] {
  const formboard = results.get('formboard');
  if (!formboard || formboard.failure) {
    return [
      `goals not checked: formboard was not measured${formboard?.failure ? ` (${formboard.failure})` : ''}`,
    ];
  }
  return GOALS.map((goal) => {
    const m = metric(goal.metric);
    const base = results.get(BASELINE);
    const reference =
      goal.against === 'baseline'
        ? base && !base.failure
          ? { library: BASELINE, value: m.value(base) }
          : undefined
        : bestPeer(results, m);
    const name = `${m.header.join(' ')} vs ${goal.against === 'baseline' ? label(BASELINE) : 'best schema-driven peer'}`;
    if (!reference) return `  ?     ${name}: no reference measured`;
    const r = m.value(formboard) / reference.value;
    const met = r <= goal.limit;
    return (
      `  ${met ? 'PASS' : 'MISS'}  ${name} (${label(reference.library)}): ${m.format(m.value(formboard))} vs ` +
      `${m.format(reference.value)} = ${ratio(r)} (goal ≤ ${goal.limit}×)`
    );
  });
}
