import type { WeeklyAverage } from './benchData.ts';
import type { HistoryBuild } from './buildHistory.ts';
import { AUDIT_ENTRIES, VERSIONS } from './buildHistory.ts';
import { markdownTable } from './markdownTable.ts';
import { FETCHED } from './measureHistory.ts';
import { API_RECORDS, BATCH } from './measureInserts.ts';

/** What was measured on one dialect. */
export interface DialectResult {
  readonly name: 'SQLite' | 'PostgreSQL';
  readonly insertMs: number;
  readonly fixtureMs: number;
  readonly query: { readonly ms: number; readonly rows: readonly WeeklyAverage[] };
  readonly fetchUs: ReadonlyMap<number, number>;
  readonly audit: { readonly ms: number; readonly ok: boolean; readonly entries: number };
}

/** The goals of the issue. */
const QUERY_GOAL_MS = 300;
const AUDIT_GOAL_MS = 1000;
/** "No slower at version 10,000 than at 10", allowing for the run-to-run noise of a shared machine. */
const FETCH_TOLERANCE = 1.2;

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const yesNo = (met: boolean) => (met ? 'yes' : '**NO**');

/** Prints the side-by-side table, whether each goal is met, and how the fixtures were made. */
export function printReport(
  results: readonly DialectResult[],
  context: { build: HistoryBuild; copyMs: number; totalRecords: number; expectedRows: number },
): void {
  const cells = (f: (r: DialectResult) => string) => results.map(f);
  const fetchRatio = (r: DialectResult) =>
    (r.fetchUs.get(FETCHED[2]) ?? Number.NaN) / (r.fetchUs.get(FETCHED[0]) ?? Number.NaN);
  const rows: string[][] = [
    [
      `insert ${n(API_RECORDS)} records (insertMany × ${n(BATCH)})`,
      ...cells((r) => `${n(r.insertMs)} ms (${n((API_RECORDS / r.insertMs) * 1000)} rec/s)`),
      '—',
      ...cells(() => '—'),
    ],
    [
      `board query, ${n(context.totalRecords / 1e6)}M records → ${n(context.expectedRows)} rows`,
      ...cells((r) => `${n(r.query.ms)} ms`),
      `< ${QUERY_GOAL_MS} ms on SQLite`,
      ...cells((r) => (r.name === 'SQLite' ? yesNo(r.query.ms < QUERY_GOAL_MS) : 'n/a')),
    ],
    [
      `fetch version ${FETCHED.map(n).join(' / ')} of ${n(VERSIONS)}`,
      ...cells((r) => `${FETCHED.map((v) => (r.fetchUs.get(v) ?? Number.NaN).toFixed(0)).join(' / ')} µs`),
      `v${n(FETCHED[2])} ≤ ${FETCH_TOLERANCE}× v${FETCHED[0]}`,
      ...cells((r) => `${yesNo(fetchRatio(r) <= FETCH_TOLERANCE)} (${fetchRatio(r).toFixed(2)}×)`),
    ],
    [
      `verify a ${n(AUDIT_ENTRIES)}-entry audit chain`,
      ...cells((r) => `${n(r.audit.ms)} ms`),
      `< ${AUDIT_GOAL_MS / 1000} s`,
      ...cells((r) => yesNo(r.audit.ms < AUDIT_GOAL_MS)),
    ],
  ];
  const names = results.map((r) => r.name);
  console.log(
    markdownTable(['measurement', ...names, 'goal', ...names.map((name) => `met: ${name}`)], rows, [1, 2]),
  );
  const [sqlite, postgres] = results;
  const rate = (r: DialectResult | undefined) => (r ? API_RECORDS / r.insertMs : Number.NaN);
  console.log(`
Board query: groupBy orgUnit, timeBucket reportedOn by ISO week (Asia/Shanghai), avg(score), through
store.queries.run; its rows equal a plain JavaScript computation on both dialects. Median of 5 runs.
Fixture: at the insertMany rates above, ${n(context.totalRecords)} records would take ${n(context.totalRecords / rate(sqlite) / 1000)} s on SQLite and
${n(context.totalRecords / rate(postgres) / 1000)} s on PostgreSQL, so records ${n(API_RECORDS + 1)}–${n(context.totalRecords)} were written by a raw bulk
INSERT … SELECT (records table only: no history rows, no audit entries), then ANALYZE:
${results.map((r) => `${n(r.fixtureMs)} ms on ${r.name}`).join(', ')}.
History: built through the API on SQLite — ${n(context.build.saves)} saves (${n((context.build.saves / context.build.savesMs) * 1000)}/s) and
${n(context.build.users)} users in batches of 10,000 (${n((context.build.users / context.build.usersMs) * 1000)} audit entries/s); PostgreSQL got a verbatim
copy of those rows (${n(context.copyMs)} ms) instead of a second build, to keep the run short. Hashes do not
depend on the database, so verifyAudit recomputes the same ${n(AUDIT_ENTRIES)}-entry chain on both.
Version fetch: definitions.get(id, version), the median of 3,000 calls per version, interleaved.`);
}
