import type { Store } from '@formboard/storage';
import type { WeeklyAverage } from './benchData.ts';
import { WEEKLY_AVERAGE_BY_ORG_UNIT } from './benchForm.ts';
import { timeRuns } from './timing.ts';

const RUNS = 5;

/** Runs the weekly-average-by-org-unit query once to warm up, then RUNS times; the medians and the rows. */
export async function measureBoardQuery(
  store: Store,
): Promise<{ ms: number; cpuMs: number; rows: WeeklyAverage[] }> {
  const run = async () =>
    (await store.queries.run(WEEKLY_AVERAGE_BY_ORG_UNIT)).map((row) => ({
      orgUnit: String(row.orgUnit),
      reportedOn: String(row.reportedOn),
      avgScore: Number(row.avgScore),
    }));
  const rows = await run();
  return { ...(await timeRuns(RUNS, run)), rows };
}

/** Differences between the query's rows and the expected ones (averages equal to 1e-9); [] when equal. */
export function compareRows(actual: readonly WeeklyAverage[], expected: readonly WeeklyAverage[]): string[] {
  const problems: string[] = [];
  if (actual.length !== expected.length) problems.push(`${actual.length} rows, expected ${expected.length}`);
  expected.forEach((want, i) => {
    const got = actual[i];
    if (
      !got ||
      got.orgUnit !== want.orgUnit ||
      got.reportedOn !== want.reportedOn ||
      Math.abs(got.avgScore - want.avgScore) > 1e-9 * Math.max(1, Math.abs(want.avgScore))
    )
      problems.push(`row ${i + 1}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  });
  return problems.slice(0, 5);
}
