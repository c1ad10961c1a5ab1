// The records of the benchmark, as a function of their number i (1-based), so that the records entered
// through the API, the rows bulk-written by SQL (bulkRecords.ts uses the same formulas) and the
// expected query result computed here all agree.

export const ORG_UNITS = 50;
export const EMPLOYEES = 5000;
/** Dates cover 52 whole ISO weeks starting on Monday 2025-01-06. */
export const DAYS = 364;
export const FIRST_DAY = '2025-01-06';
const DAY_MS = 86_400_000;

/** The data of record i. */
export function benchRecord(i: number): {
  employee: string;
  orgUnit: string;
  reportedOn: string;
  score: number;
} {
  return {
    employee: `u${i % EMPLOYEES}`,
    orgUnit: `ou-${i % ORG_UNITS}`,
    reportedOn: dayAfter(FIRST_DAY, i % DAYS),
    score: (i * 37) % 121,
  };
}

function dayAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** One row of the weekly-average-by-org-unit query. */
export interface WeeklyAverage {
  readonly orgUnit: string;
  readonly reportedOn: string;
  readonly avgScore: number;
}

/** What the board query must return over records 1..n, computed in plain JavaScript. */
export function expectedWeeklyAverages(n: number): WeeklyAverage[] {
  const groups = new Map<string, { orgUnit: string; week: string; sum: number; count: number }>();
  for (let i = 1; i <= n; i += 1) {
    const { orgUnit, score } = benchRecord(i);
    const week = dayAfter(FIRST_DAY, Math.floor((i % DAYS) / 7) * 7);
    const key = `${orgUnit}|${week}`;
    const group = groups.get(key) ?? { orgUnit, week, sum: 0, count: 0 };
    group.sum += score;
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ orgUnit: g.orgUnit, reportedOn: g.week, avgScore: g.sum / g.count }))
    .sort((a, b) => a.orgUnit.localeCompare(b.orgUnit) || a.reportedOn.localeCompare(b.reportedOn));
}
