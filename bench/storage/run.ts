/**
 * Storage benchmark: @formboard/storage on SQLite and PostgreSQL side by side. Enters 100k records
 * through the API, runs a weekly-average-by-org-unit board query over 1M records, fetches version
 * 5,000 of a definition with 10,000 versions and verifies a 100k-entry audit chain. Starts its own
 * PostgreSQL cluster. Run with `pnpm --filter @formboard/bench run bench:storage`; see bench/storage/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { openStore } from '@formboard/storage';
import { freshPostgresDatabase } from '../../packages/storage/tests/support/databases.ts';
import { startPostgresCluster } from '../../packages/storage/tests/support/postgresCluster.ts';
import { expectedWeeklyAverages } from './benchData.ts';
import { BENCH_FORM_ID, benchForm } from './benchForm.ts';
import { AUDIT_ENTRIES, buildHistory, type HistoryBuild } from './buildHistory.ts';
import { bulkRecords } from './bulkRecords.ts';
import { copyRows } from './copyRows.ts';
import { compareRows, measureBoardQuery } from './measureBoardQuery.ts';
import { measureAuditVerify, measureVersionFetch } from './measureHistory.ts';
import { API_RECORDS, BATCH, measureInserts } from './measureInserts.ts';
import { rawDialect } from './rawDialect.ts';
import { type DialectResult, printReport } from './report.ts';
import { timeMs } from './timing.ts';

const TOTAL_RECORDS = 1_000_000;
const n = (value: number) => Math.round(value).toLocaleString('en-US');

/** Records: 100k through insertMany, the rest to 1M in bulk, then the board query. */
async function recordsPhase(name: string, database: string) {
  const store = await openStore({ database });
  try {
    await store.definitions.create(benchForm(), { author: 'bench' });
    await store.definitions.publish(BENCH_FORM_ID, 1, { author: 'bench' });
    const insertMs = await measureInserts(store);
    console.log(
      `${name}: ${n(API_RECORDS)} records through insertMany (batches of ${n(BATCH)}) in ${n(insertMs)} ms`,
    );
    const raw = rawDialect(database);
    const fixtureMs = await timeMs(() =>
      bulkRecords(raw, BENCH_FORM_ID, 1, API_RECORDS + 1, TOTAL_RECORDS),
    ).finally(() => raw.close());
    console.log(
      `${name}: records ${n(API_RECORDS + 1)}–${n(TOTAL_RECORDS)} bulk-written in ${n(fixtureMs)} ms`,
    );
    const query = await measureBoardQuery(store);
    console.log(`${name}: board query over ${n(TOTAL_RECORDS)} records: ${query.ms.toFixed(0)} ms`);
    return { insertMs, fixtureMs, query };
  } finally {
    await store.close();
  }
}

/** Version fetch and audit verification on a store already holding the history. */
async function historyPhase(name: string, database: string) {
  const store = await openStore({ database });
  try {
    const fetchUs = await measureVersionFetch(store);
    const audit = await measureAuditVerify(store);
    console.log(`${name}: version fetch and audit verification measured`);
    return { fetchUs, audit };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  console.log(
    `Storage benchmark — Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores\n`,
  );
  const dir = mkdtempSync(join(os.tmpdir(), 'formboard-bench-'));
  const cluster = await startPostgresCluster({ fsync: true });
  try {
    const sqliteRecords = await recordsPhase('SQLite', join(dir, 'records.db'));
    const postgresRecords = await recordsPhase('PostgreSQL', await freshPostgresDatabase(cluster.url));

    const sqliteHistory = join(dir, 'history.db');
    const built = await openStore({ database: sqliteHistory });
    let build: HistoryBuild;
    try {
      build = await buildHistory(built);
    } finally {
      await built.close();
    }
    console.log(
      `SQLite: ${n(build.saves)} saves in ${n(build.savesMs)} ms, ${n(build.users)} users (one audit entry each) in ${n(build.usersMs)} ms`,
    );
    const postgresHistory = await freshPostgresDatabase(cluster.url);
    await (await openStore({ database: postgresHistory })).close();
    const from = rawDialect(sqliteHistory);
    const to = rawDialect(postgresHistory);
    const copyMs = await timeMs(() =>
      copyRows(from, to, ['definitions', 'definition_versions', 'users', 'audit_log']),
    ).finally(() => Promise.all([from.close(), to.close()]));
    console.log(`PostgreSQL: the history copied from SQLite in ${n(copyMs)} ms`);

    const expected = expectedWeeklyAverages(TOTAL_RECORDS);
    const results: DialectResult[] = [
      { name: 'SQLite', ...sqliteRecords, ...(await historyPhase('SQLite', sqliteHistory)) },
      { name: 'PostgreSQL', ...postgresRecords, ...(await historyPhase('PostgreSQL', postgresHistory)) },
    ];
    const problems = results.flatMap((r) => [
      ...compareRows(r.query.rows, expected).map((p) => `${r.name} board query: ${p}`),
      ...(r.audit.ok && r.audit.entries === AUDIT_ENTRIES
        ? []
        : [`${r.name} audit: ok ${r.audit.ok}, ${r.audit.entries} entries (expected ${AUDIT_ENTRIES})`]),
    ]);
    console.log();
    printReport(results, { build, copyMs, totalRecords: TOTAL_RECORDS, expectedRows: expected.length });
    if (problems.length > 0) {
      console.error(`\nWRONG RESULTS:\n${problems.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
