import type { Store } from '@formboard/storage';
import { VERSIONED_FORM_ID } from './benchForm.ts';
import { median, timeRuns } from './timing.ts';

/** The versions whose fetch time is compared. */
export const FETCHED = [10, 5_000, 10_000] as const;
const CALLS = 3_000;
const WARMUP_CALLS = 300;
const AUDIT_RUNS = 3;

/**
 * Microseconds per `definitions.get(id, version)`, per version: the median of CALLS calls, each timed
 * alone and interleaved across the versions (10, 5000, 10000, 10, …) after a warm-up, so that garbage
 * collection and the machine's load fall on all versions alike.
 */
export async function measureVersionFetch(store: Store): Promise<Map<number, number>> {
  const samples = new Map<number, number[]>(FETCHED.map((v) => [v, []]));
  for (let call = 0; call < WARMUP_CALLS + CALLS; call += 1) {
    for (const version of FETCHED) {
      const start = process.hrtime.bigint();
      const fetched = await store.definitions.get(VERSIONED_FORM_ID, version);
      const us = Number(process.hrtime.bigint() - start) / 1000;
      if (fetched.version !== version)
        throw new Error(`asked for version ${version}, got ${fetched.version}`);
      if (call >= WARMUP_CALLS) samples.get(version)?.push(us);
    }
  }
  return new Map(FETCHED.map((v) => [v, median(samples.get(v) ?? [])]));
}

/** `verifyAudit()` once to warm up, then AUDIT_RUNS times: the median milliseconds and what it found. */
export async function measureAuditVerify(
  store: Store,
): Promise<{ ms: number; cpuMs: number; ok: boolean; entries: number }> {
  const first = await store.verifyAudit();
  return { ...(await timeRuns(AUDIT_RUNS, () => store.verifyAudit())), ok: first.ok, entries: first.entries };
}
