/**
 * Runs the plan for one size: rounds in which every library is measured in three fresh page loads —
 * mount (valid data) + heap + key presses; mount (valid) + heap + submit; mount (10%-invalid data) +
 * submit. Both submits come right after mounting, so a library that compiles its validators on first
 * use (rjsf's ajv, Formboard's field checks) pays for that in both.
 */
import type { DataSet, LibraryId } from '../protocol.ts';
import type { BenchPage } from './measure.ts';
import type { SizePlan } from './plan.ts';
import { emptyResult, type LibraryResult } from './results.ts';

async function typeSession(bench: BenchPage, r: LibraryResult, size: number, plan: SizePlan, keep: boolean) {
  await bench.open(r.library);
  const mounted = await bench.mount(size, 'valid');
  const heap = await bench.heap();
  await bench.focusMiddle();
  await bench.keystrokes(plan.warmupKeys);
  const keys = await bench.keystrokes(plan.keysPerSession);
  if (!keep) return;
  r.controls = mounted.controls;
  r.mount.push(mounted.ms);
  r.heap.push(heap);
  for (const key of keys) {
    r.keyScript.push(key.scriptMs);
    r.keyCommit.push(key.commitMs);
    r.keyPaint.push(key.paintMs);
  }
}

async function submitSession(bench: BenchPage, r: LibraryResult, size: number, data: DataSet, keep: boolean) {
  await bench.open(r.library);
  const mounted = await bench.mount(size, data);
  const heap = data === 'valid' ? await bench.heap() : Number.NaN;
  const submitted = await bench.submit();
  if (!keep) return;
  const outcome = { ok: submitted.ok, errors: submitted.errors };
  if (data === 'valid') {
    r.mount.push(mounted.ms);
    r.heap.push(heap);
    r.submitValid.push(submitted.ms);
    r.validOutcomes.push(outcome);
  } else {
    r.submitInvalid.push(submitted.ms);
    r.invalidOutcomes.push(outcome);
  }
}

export async function collectSize(
  bench: BenchPage,
  plan: SizePlan,
  libraries: readonly LibraryId[],
  gzip: ReadonlyMap<LibraryId, number>,
  progress: (line: string) => void,
): Promise<Map<LibraryId, LibraryResult>> {
  const results = new Map(libraries.map((l) => [l, emptyResult(l, gzip.get(l) ?? Number.NaN)]));
  const total = plan.warmupRounds + plan.rounds;
  for (let round = 0; round < total; round++) {
    const keep = round >= plan.warmupRounds;
    const order = round % 2 === 0 ? libraries : [...libraries].reverse();
    const started = performance.now();
    for (const library of order) {
      const r = results.get(library);
      if (!r || r.failure) continue;
      try {
        await typeSession(bench, r, plan.size, plan, keep);
        await submitSession(bench, r, plan.size, 'valid', keep);
        await submitSession(bench, r, plan.size, 'invalid', keep);
      } catch (error) {
        r.failure = String(error).split('\n')[0] ?? 'failed';
      }
    }
    const label = keep ? `round ${round - plan.warmupRounds + 1}/${plan.rounds}` : 'warm-up round';
    progress(`  N=${plan.size}: ${label} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return results;
}
