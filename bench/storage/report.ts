import type { WeeklyAverage } from './benchData.ts';
import type { HistoryBuild } from './buildHistory.ts';
import { AUDIT_ENTRIES, VERSIONS } from './buildHistory.ts';
import { markdownTable } from './markdownTable.ts';
import { FETCHED } from './measureHistory.ts';
import { API_RECORDS, BATCH } from './measureInserts.ts';

/** A board query's median time and rows. */
interface QueryResult {
  readonly ms: number;
  readonly cpuMs: number;
  readonly rows: readonly WeeklyAverage[];
}

/** Version fetch and audit verification on one dialect. */
export interface HistoryResult {
  readonly fetchUs: ReadonlyMap<number, number>;
  readonly audit: {
    readonly ms: number;
    readonly cpuMs: number;
    readonly ok: boolean;
    readonly entries: number;
  };
}

/** What was measured on one dialect. */
export interface DialectResult {
  readonly name: 'SQLite' | 'PostgreSQL';
  readonly insertMs: number;
  readonly fixtureMs: number;
  /** Rebuilding the typed record table from every record (what publishing changed fields costs). */
  readonly rebuildMs: number;
  /** The query before any dashboard holds it: the typed record table, no board index. */
  readonly adHoc: QueryResult;
  /** Creating and publishing the dashboard, which builds its board index. */
  readonly publishMs: number;
  /** The query once its dashboard is published. */
  readonly board: QueryResult;
  readonly history: HistoryResult | undefined;
}

/** The goals of the issue. */
const QUERY_GOAL_MS = 300;
const AUDIT_GOAL_MS = 1000;
/** "No slower at version 10,000 than at 10", allowing for the run-to-run noise of a shared machine. */
const FETCH_TOLERANCE = 1.2;

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const yesNo = (met: boolean) => (met ? 'yes' : '**NO**');

function historyRows(results: readonly DialectResult[]): string[][] {
  const cells = (f: (h: HistoryResult) => string) => results.map((r) => (r.history ? f(r.history) : '—'));
  const fetchRatio = (h: HistoryResult) =>
    (h.fetchUs.get(FETCHED[2]) ?? Number.NaN) / (h.fetchUs.get(FETCHED[0]) ?? Number.NaN);
  return [
    [
      `fetch version ${FETCHED.map(n).join(' / ')} of ${n(VERSIONS)}`,
      ...cells((h) => `${FETCHED.map((v) => (h.fetchUs.get(v) ?? Number.NaN).toFixed(0)).join(' / ')} µs`),
      `v${n(FETCHED[2])} ≤ ${FETCH_TOLERANCE}× v${FETCHED[0]}`,
      ...cells((h) => `${yesNo(fetchRatio(h) <= FETCH_TOLERANCE)} (${fetchRatio(h).toFixed(2)}×)`),
    ],
    [
      `verify a ${n(AUDIT_ENTRIES)}-entry audit chain`,
      ...cells((h) => `${n(h.audit.ms)} ms (CPU ${n(h.audit.cpuMs)})`),
      `< ${AUDIT_GOAL_MS / 1000} s`,
      ...cells((h) => yesNo(h.audit.ms < AUDIT_GOAL_MS)),
    ],
  ];
}

/** Prints the side-by-side table, whether each goal is met, and how the fixtures were made. */
export function printReport(
  results: readonly DialectResult[],
  context: { build?: HistoryBuild; copyMs?: number; totalRecords: number; expectedRows: number },
): void {
  const cells = (f: (r: DialectResult) => string) => results.map(f);
  const none = () => '—';
  const millions = `${(context.totalRecords / 1e6).toLocaleString('en-US')}M`;
  const rows: string[][] = [
    [
      `insert ${n(API_RECORDS)} records (insertMany × ${n(BATCH)})`,
      ...cells((r) => `${n(r.insertMs)} ms (${n((API_RECORDS / r.insertMs) * 1000)} rec/s)`),
      '—',
      ...cells(none),
    ],
    [
      `rebuild the typed record table from ${millions} records`,
      ...cells((r) => `${n(r.rebuildMs)} ms`),
      '—',
      ...cells(none),
    ],
    [
      `board query, ad hoc (no dashboard), ${millions} records → ${n(context.expectedRows)} rows`,
      ...cells((r) => `${n(r.adHoc.ms)} ms (CPU ${n(r.adHoc.cpuMs)})`),
      '—',
      ...cells(none),
    ],
    [
      'publish the dashboard (builds its board index)',
      ...cells((r) => `${n(r.publishMs)} ms`),
      '—',
      ...cells(none),
    ],
    [
      `board query, dashboard published, ${millions} records`,
      ...cells((r) => `${n(r.board.ms)} ms (CPU ${n(r.board.cpuMs)})`),
      `< ${QUERY_GOAL_MS} ms on SQLite`,
      ...cells((r) => (r.name === 'SQLite' ? yesNo(r.board.ms < QUERY_GOAL_MS) : 'n/a')),
    ],
    ...(context.build ? historyRows(results) : []),
  ];
  const names = results.map((r) => r.name);
  console.log(
    markdownTable(
      ['measurement', ...names, 'goal', ...names.map((name) => `met: ${name}`)],
      rows,
      names.map((_, i) => i + 1),
    ),
  );
  const rate = (r: DialectResult) => API_RECORDS / r.insertMs;
  console.log(`
Board query: groupBy orgUnit, timeBucket reportedOn by ISO week (Asia/Shanghai), avg(score), through
store.queries.run; its rows equal a plain JavaScript computation on both dialects. Median of 5 runs.
Times are wall clock, the goals' measure; "CPU" is this process's CPU time over the same runs (the
median), which waiting for a busy core does not inflate. On PostgreSQL it is the client's part only.
Fixture: at the insertMany rates above, ${n(context.totalRecords)} records would take ${results.map((r) => `${n(context.totalRecords / rate(r) / 1000)} s on ${r.name}`).join(' and ')},
so records ${n(API_RECORDS + 1)}–${n(context.totalRecords)} were written by a raw bulk INSERT … SELECT into the records table (no
history rows, no audit entries: ${results.map((r) => `${n(r.fixtureMs)} ms on ${r.name}`).join(', ')}), then the store rebuilt its typed
record table from all the records with the step of store migration 5 (rebuildDerivedData, timed above).`);
  if (context.build)
    console.log(`History: built through the API on SQLite — ${n(context.build.saves)} saves (${n((context.build.saves / context.build.savesMs) * 1000)}/s) and
${n(context.build.users)} users in batches of 10,000 (${n((context.build.users / context.build.usersMs) * 1000)} audit entries/s); PostgreSQL got a verbatim
copy of those rows (${n(context.copyMs ?? 0)} ms) instead of a second build, to keep the run short. Hashes do not
depend on the database, so verifyAudit recomputes the same ${n(AUDIT_ENTRIES)}-entry chain on both.
Version fetch: definitions.get(id, version), the median of 3,000 calls per version, interleaved.`);
}
