import { signIn, writeHeaders } from '../server/session.ts';
import { median } from '../storage/timing.ts';
import { boardWidgets } from './board.ts';
import { BOARD_ID } from './boardData.ts';
import { ADMIN } from './setupDatabase.ts';

/** The server's share of an open, measured from Node. */
export interface ServerTiming {
  /** The board's 20 widgets in one `POST /api/dashboards/:id/data`, as the studio asks (median). */
  readonly batchMs: number;
  /** The server process's CPU time for that request (median). */
  readonly batchCpuMs: number;
  /** The same 20 widgets as 20 single-widget requests one after another: the server's total work. */
  readonly sequentialMs: number;
  /** The slowest widgets in the one-by-one run (id and ms), slowest first. */
  readonly slowest: readonly (readonly [string, number])[];
}

/** The filter values of run `run`: a period of `days` days ending `run` days before today (UTC). */
export type FiltersOf = (run: number) => Record<string, unknown>;

/**
 * Times the board's data with the filter values `filtersOf(run)` for run 0 (a warm-up) to `runs`:
 * one batch request (and the server's CPU time for it, by `serverCpu`), then the 20 single requests one by one with the filters of the next run — so
 * when `filtersOf` gives each run a period of its own, no answer was cached before (cold), and when it
 * gives the same values every run, every answer after the warm-up was (warm).
 */
export async function measureServer(
  url: string,
  filtersOf: FiltersOf,
  runs: number,
  serverCpu: () => number,
): Promise<ServerTiming> {
  const session = await signIn(url, ADMIN.login, ADMIN.password);
  const ids = boardWidgets().map((w) => String(w.id));
  const post = async (path: string, body: unknown) => {
    const start = performance.now();
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: writeHeaders(session),
      body: JSON.stringify(body),
    });
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    await response.json();
    return performance.now() - start;
  };
  const batch: number[] = [];
  const batchCpu: number[] = [];
  const sequential: number[] = [];
  let perWidget: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const cpu = serverCpu();
    const batchMs = await post(`/api/dashboards/${BOARD_ID}/data`, {
      widgetIds: ids,
      filters: filtersOf(2 * run),
    });
    const batchCpuMs = serverCpu() - cpu;
    const each: number[] = [];
    for (const id of ids)
      each.push(
        await post(`/api/dashboards/${BOARD_ID}/widgets/${id}/data`, { filters: filtersOf(2 * run + 1) }),
      );
    if (run === 0) continue;
    batch.push(batchMs);
    batchCpu.push(batchCpuMs);
    sequential.push(each.reduce((a, b) => a + b, 0));
    perWidget = each;
  }
  const slowest = ids
    .map((id, i) => [id, perWidget[i] ?? 0] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  return { batchMs: median(batch), batchCpuMs: median(batchCpu), sequentialMs: median(sequential), slowest };
}
