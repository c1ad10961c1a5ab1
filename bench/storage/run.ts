/**
 * Storage benchmark: @formboard/storage on SQLite and PostgreSQL side by side. Enters 100k records
 * through the API, runs a weekly-average-by-org-unit board query over 1M records (ad hoc, then with the
 * dashboard that holds it published), fetches version 5,000 of a definition with 10,000 versions and
 * verifies a 100k-entry audit chain. Starts its own PostgreSQL cluster. Run with
 * `pnpm --filter @formboard/bench run bench:storage`; see bench/storage/README.md.
 *
 * While iterating: `--records=200000` (total records, default 1,000,000), `--dialects=sqlite`,
 * `--history=off` (skip version fetch and audit verification).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { openStore } from '@formboard/storage';
import { rebuildDerivedData } from '../../packages/storage/src/layout/derivedData.ts';
import { freshPostgresDatabase } from '../../packages/storage/tests/support/databases.ts';
import { startPostgresCluster } from '../../packages/storage/tests/support/postgresCluster.ts';
import { rawDialect } from '../../packages/storage/tests/support/rawDialect.ts';
import { expectedWeeklyAverages } from './benchData.ts';
import { BENCH_BOARD_ID, BENCH_FORM_ID, benchBoard, benchForm } from './benchForm.ts';
import { AUDIT_ENTRIES, buildHistory } from './buildHistory.ts';
import { bulkRecords } from './bulkRecords.ts';
import { copyRows } from './copyRows.ts';
import { compareRows, measureBoardQuery } from './measureBoardQuery.ts';
import { measureAuditVerify, measureVersionFetch } from './measureHistory.ts';
import { API_RECORDS, BATCH, measureInserts } from './measureInserts.ts';
import { type DialectResult, type HistoryResult, printReport } from './report.ts';
import { timeMs } from './timing.ts';

function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const TOTAL_RECORDS = Number(option('records') ?? 1_000_000);
const DIALECTS = (option('dialects') ?? 'sqlite,postgres').split(',');
const WITH_HISTORY = option('history') !== 'off';
const n = (value: number) => Math.round(value).toLocaleString('en-US');
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/**
 * Records: 100k through insertMany, the rest in bulk around the store (then the store's own rebuild of
 * its typed record table), the board query ad hoc, then with its dashboard published.
 */
async function recordsPhase(name: DialectResult['name'], database: string) {
  const store = await openStore({ database, keepAnswers: false });
  try {
    await store.definitions.create(benchForm(), { author: 'bench' });
    await store.definitions.publish(BENCH_FORM_ID, 1, { author: 'bench' });
    const insertMs = await measureInserts(store);
    console.log(
      `${name}: ${n(API_RECORDS)} records through insertMany (batches of ${n(BATCH)}) in ${n(insertMs)} ms`,
    );
    const raw = rawDialect(database);
    let fixtureMs: number;
    let rebuildMs: number;
    try {
      fixtureMs = await timeMs(() => bulkRecords(raw, BENCH_FORM_ID, 1, API_RECORDS + 1, TOTAL_RECORDS));
      rebuildMs = await timeMs(() => raw.transaction(rebuildDerivedData));
    } finally {
      await raw.close();
    }
    console.log(
      `${name}: records ${n(API_RECORDS + 1)}–${n(TOTAL_RECORDS)} bulk-written in ${n(fixtureMs)} ms, the typed table rebuilt in ${n(rebuildMs)} ms`,
    );
    const adHoc = await measureBoardQuery(store);
    console.log(`${name}: board query, ad hoc: ${adHoc.ms.toFixed(0)} ms`);
    const publishMs = await timeMs(async () => {
      await store.definitions.create(benchBoard(), { author: 'bench' });
      await store.definitions.publish(BENCH_BOARD_ID, 1, { author: 'bench' });
    });
    const board = await measureBoardQuery(store);
    console.log(`${name}: dashboard published in ${n(publishMs)} ms; board query: ${board.ms.toFixed(0)} ms`);
    return { name, insertMs, fixtureMs, rebuildMs, adHoc, publishMs, board };
  } finally {
    await store.close();
  }
}

/** Version fetch and audit verification on a store already holding the history. */
async function historyPhase(database: string): Promise<HistoryResult> {
  const store = await openStore({ database, keepAnswers: false });
  try {
    return { fetchUs: await measureVersionFetch(store), audit: await measureAuditVerify(store) };
  } finally {
    await store.close();
  }
}

/** The history built through the API on SQLite, and a verbatim copy on PostgreSQL. */
async function histories(dir: string, postgresUrl: string | undefined) {
  const sqlite = join(dir, 'history.db');
  const built = await openStore({ database: sqlite, keepAnswers: false });
  const build = await buildHistory(built).finally(() => built.close());
  console.log(
    `SQLite: ${n(build.saves)} saves in ${n(build.savesMs)} ms, ${n(build.users)} users (one audit entry each) in ${n(build.usersMs)} ms`,
  );
  const results = new Map<DialectResult['name'], HistoryResult>([['SQLite', await historyPhase(sqlite)]]);
  let copyMs = 0;
  if (postgresUrl) {
    const postgres = await freshPostgresDatabase(postgresUrl);
    await (await openStore({ database: postgres })).close();
    const from = rawDialect(sqlite);
    const to = rawDialect(postgres);
    copyMs = await timeMs(() =>
      copyRows(from, to, ['definitions', 'definition_versions', 'users', 'audit_log']),
    ).finally(() => Promise.all([from.close(), to.close()]));
    console.log(`PostgreSQL: the history copied from SQLite in ${n(copyMs)} ms`);
    results.set('PostgreSQL', await historyPhase(postgres));
  }
  return { build, copyMs, results };
}

async function main(): Promise<void> {
  console.log(
    `Storage benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, load average ${load()}\n`,
  );
  const dir = mkdtempSync(join(os.tmpdir(), 'formboard-bench-'));
  const cluster = DIALECTS.includes('postgres') ? await startPostgresCluster({ fsync: true }) : undefined;
  try {
    const records = [];
    if (DIALECTS.includes('sqlite')) records.push(await recordsPhase('SQLite', join(dir, 'records.db')));
    if (cluster) records.push(await recordsPhase('PostgreSQL', await freshPostgresDatabase(cluster.url)));
    const history = WITH_HISTORY ? await histories(dir, cluster?.url) : undefined;

    const expected = expectedWeeklyAverages(TOTAL_RECORDS);
    const results: DialectResult[] = records.map((r) => ({ ...r, history: history?.results.get(r.name) }));
    const problems = results.flatMap((r) => [
      ...compareRows(r.adHoc.rows, expected).map((p) => `${r.name} ad-hoc board query: ${p}`),
      ...compareRows(r.board.rows, expected).map((p) => `${r.name} board query: ${p}`),
      ...(!r.history || (r.history.audit.ok && r.history.audit.entries === AUDIT_ENTRIES)
        ? []
        : [
            `${r.name} audit: ok ${r.history.audit.ok}, ${r.history.audit.entries} entries (expected ${AUDIT_ENTRIES})`,
          ]),
    ]);
    console.log(`\nload average at the end: ${load()}\n`);
    printReport(results, {
      ...(history ? { build: history.build, copyMs: history.copyMs } : {}),
      totalRecords: TOTAL_RECORDS,
      expectedRows: expected.length,
    });
    if (problems.length > 0) {
      console.error(`\nWRONG RESULTS:\n${problems.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
