/** Prints the results of one size: values, ratios to react-hook-form and to the best schema-driven peer, and checks. */
import { BASELINE, type LibraryId } from '../protocol.ts';
import { bestPeer, label, vsBaseline } from './compare.ts';
import { METRICS } from './metrics.ts';
import { describePlan, type SizePlan } from './plan.ts';
import type { LibraryResult, SubmitOutcome } from './results.ts';
import { ratio } from './stats.ts';
import { textTable } from './textTable.ts';

export interface SizeReport {
  readonly plan: SizePlan;
  readonly sections: number;
  readonly tableCells: number;
  readonly invalidCount: number;
  readonly results: ReadonlyMap<LibraryId, LibraryResult>;
}

/** What the columns mean, printed once before the tables. */
export const LEGEND = [
  'columns (medians unless p50/p95; lower is better):',
  '  mount       start of rendering → first paint showing the whole form (valid data)',
  '  key JS      CPU time in script per key press into the middle field, validated as you type',
  '              (DevTools ScriptDuration, thread ticks; includes work deferred up to 30 ms after the paint)',
  "  key→commit  wall time of the key press's tasks, first key event → React's commit done (in the page)",
  '  key→paint   keydown → the first frame painted after the input event (requestAnimationFrame + MessageChannel)',
  '  submit      submit right after mounting → the paint showing the result (valid / 10%-invalid data)',
  '  heap        usedJSHeapSize after mounting and a forced GC;  gzip  the JS the page loads, React included',
].join('\n');

const HEADER = [
  ['library', ...METRICS.map((m) => m.header[0])],
  ['', ...METRICS.map((m) => m.header[1])],
];

function outcomes(list: readonly SubmitOutcome[]): string {
  const counts = new Map<string, number>();
  for (const o of list) {
    const text = o.ok ? 'ok' : `${o.errors} wrong`;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, n]) => `${text} ×${n}`).join(', ') || '–';
}

/** Lines about results that are not what they should be (a valid form refused, an invalid one accepted). */
export function wrongOutcomes(report: SizeReport): string[] {
  const problems: string[] = [];
  for (const r of report.results.values()) {
    if (r.validOutcomes.some((o) => !o.ok))
      problems.push(`N=${report.plan.size}: ${label(r.library)} refuses the valid data`);
    if (r.invalidOutcomes.some((o) => o.ok))
      problems.push(`N=${report.plan.size}: ${label(r.library)} accepts the invalid data`);
  }
  return problems;
}

export function formatSize(report: SizeReport): string {
  const { plan, results } = report;
  const measured = [...results.values()];
  const out: string[] = [];
  out.push(
    `N = ${plan.size} fields in ${report.sections} sections + a 50-row × 3-column table ` +
      `(${plan.size + report.tableCells} inputs); ${describePlan(plan)}`,
  );
  const rows = measured.map((r) =>
    r.failure
      ? [label(r.library), `failed: ${r.failure}`]
      : [label(r.library), ...METRICS.map((m) => m.format(m.value(r)))],
  );
  out.push(textTable(HEADER, rows));
  out.push('');
  out.push(`ratio to ${label(BASELINE)} (lower is better) and to the best schema-driven peer`);
  const ok = measured.filter((r) => !r.failure);
  const ratioRows = ok.map((r) => [
    label(r.library),
    ...METRICS.map((m) => ratio(vsBaseline(results, r, m))),
  ]);
  const best = METRICS.map((m) => bestPeer(results, m));
  ratioRows.push(['best schema-driven peer', ...best.map((b) => (b ? label(b.library) : '–'))]);
  const formboard = results.get('formboard');
  if (formboard && !formboard.failure) {
    ratioRows.push([
      'formboard ÷ best peer',
      ...METRICS.map((m, i) => {
        const b = best[i];
        return b ? ratio(m.value(formboard) / b.value) : '–';
      }),
    ]);
  }
  out.push(textTable(HEADER, ratioRows));
  out.push('');
  out.push(
    `submit results (valid data should pass; the 10%-invalid data has ${report.invalidCount} wrong fields, ` +
      'each library counting by its own rules) and form controls rendered:',
  );
  for (const r of ok) {
    out.push(
      `  ${label(r.library).padEnd(16)} valid: ${outcomes(r.validOutcomes)}; 10% bad: ${outcomes(r.invalidOutcomes)}; ` +
        `${r.controls} controls`,
    );
  }
  return out.join('\n');
}
