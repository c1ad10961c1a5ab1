import type { Store } from '@formboard/storage';
import { benchRecord } from './benchData.ts';
import { BENCH_FORM_ID } from './benchForm.ts';
import { timeMs } from './timing.ts';

/** Records entered through the API, and the batch size of each `insertMany`. */
export const API_RECORDS = 100_000;
export const BATCH = 1_000;

/** Enters records 1..API_RECORDS through `store.records.insertMany` in batches; returns the milliseconds. */
export async function measureInserts(store: Store): Promise<number> {
  const batches = Array.from({ length: API_RECORDS / BATCH }, (_, b) =>
    Array.from({ length: BATCH }, (_, k) => benchRecord(b * BATCH + k + 1)),
  );
  return timeMs(async () => {
    for (const rows of batches) await store.records.insertMany(BENCH_FORM_ID, rows, { actor: 'bench' });
  });
}
