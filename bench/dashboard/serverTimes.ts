import { signIn, writeHeaders } from '../server/session.ts';
import { median } from '../storage/timing.ts';
import { boardWidgets } from './board.ts';
import { BOARD_ID } from './boardData.ts';
import { ADMIN } from './setupDatabase.ts';

/** The server's share of an open, measured from Node: all 20 widget requests at once, as a browser sends them. */
export interface ServerTiming {
  /** Until the last of the 20 answers (median of the runs). */
  readonly allMs: number;
  /** The same 20 requests one after another: the server's total work. */
  readonly sequentialMs: number;
  /** The slowest widgets in the sequential run (id and ms), slowest first. */
  readonly slowest: readonly (readonly [string, number])[];
}

/** Times the board's 20 widget data requests with these filter values (one warm-up, then `runs`). */
export async function measureServer(
  url: string,
  filters: Record<string, unknown>,
  runs: number,
): Promise<ServerTiming> {
  const session = await signIn(url, ADMIN.login, ADMIN.password);
  const ids = boardWidgets().map((w) => String(w.id));
  const one = async (id: string) => {
    const start = performance.now();
    const response = await fetch(`${url}/api/dashboards/${BOARD_ID}/widgets/${id}/data`, {
      method: 'POST',
      headers: writeHeaders(session),
      body: JSON.stringify({ filters }),
    });
    if (response.status !== 200)
      throw new Error(`widget ${id}: HTTP ${response.status} ${await response.text()}`);
    await response.json();
    return performance.now() - start;
  };
  const all: number[] = [];
  const sequential: number[] = [];
  let perWidget: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const start = performance.now();
    await Promise.all(ids.map(one));
    const allMs = performance.now() - start;
    const each: number[] = [];
    for (const id of ids) each.push(await one(id));
    if (run === 0) continue;
    all.push(allMs);
    sequential.push(each.reduce((a, b) => a + b, 0));
    perWidget = each;
  }
  const slowest = ids
    .map((id, i) => [id, perWidget[i] ?? 0] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  return { allMs: median(all), sequentialMs: median(sequential), slowest };
}
