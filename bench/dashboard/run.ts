/**
 * bench/dashboard: a 20-widget board over 1M records, in Chromium against the real server:
 * the time from opening the board to every widget painted, and from a record submit to the updated
 * paint. Goals: open < 1 s, update < 500 ms. Run with `pnpm --filter @formboard/bench run
 * bench:dashboard`; see bench/dashboard/README.md.
 *
 * Both databases in turn, SQLite then PostgreSQL (a private cluster). While iterating:
 * `--records=100000` (default 1,000,000), `--runs=3` (default 5), `--database=postgres`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '@formboard/server/testing';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { freshPostgresDatabase } from '../../packages/storage/tests/support/databases.ts';
import { startPostgresCluster } from '../../packages/storage/tests/support/postgresCluster.ts';
import { launchChromium } from '../forms/runner/browser.ts';
import { timeMs } from '../storage/timing.ts';
import { measureBrowser } from './browserTimes.ts';
import { shiftedPeriod } from './periods.ts';
import { processTreeCpu } from './processCpu.ts';
import { printReport } from './report.ts';
import { measureServer } from './serverTimes.ts';
import { setupDatabase } from './setupDatabase.ts';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RECORDS = Number(option('records') ?? 1_000_000);
const RUNS = Number(option('runs') ?? 5);
/** Which databases the server runs on, in turn: `--database=sqlite`, `--database=postgres` (default both). */
const DATABASES = (option('database') ?? 'sqlite,postgres').split(',');
const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const DIST_DIR = fileURLToPath(new URL('./dist/', import.meta.url));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const n = (value: number) => Math.round(value).toLocaleString('en-US');

/** Builds the bench page (the dashboard package from source, as the studio bundles it). */
async function buildPage(): Promise<void> {
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: '/bench/',
    logLevel: 'warn',
    plugins: [react()],
    resolve: { dedupe: ['react', 'react-dom'] },
    build: { outDir: DIST_DIR, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
  });
}

/** A fresh database of a kind: a SQLite file in a temp dir, or a database on a private PostgreSQL cluster. */
async function freshDatabase(kind: string): Promise<{ database: string; drop: () => void }> {
  if (kind === 'postgres') {
    // fsync on, as a real server runs: a benchmark must not save work a production database does.
    const cluster = await startPostgresCluster({ fsync: true });
    return { database: await freshPostgresDatabase(cluster.url), drop: () => cluster.stop() };
  }
  const dir = mkdtempSync(join(os.tmpdir(), 'formboard-bench-dashboard-'));
  return { database: join(dir, 'board.db'), drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The whole benchmark on one database: data, server, browser, report. */
async function measure(kind: string, browser: Browser): Promise<void> {
  const label = kind === 'postgres' ? 'PostgreSQL' : 'SQLite';
  console.log(`\n## ${label} (load average ${load()})\n`);
  const { database, drop } = await freshDatabase(kind);
  try {
    const setup = await setupDatabase(database, RECORDS, Date.now());
    console.log(
      `${n(RECORDS)} records written in ${n(setup.recordsMs)} ms, typed table rebuilt in ${n(setup.rebuildMs)} ms, board published (board indexes) in ${n(setup.publishMs)} ms${kind === 'postgres' ? `, VACUUM (ANALYZE) in ${n(setup.vacuumMs)} ms` : ''}`,
    );
    const server = await startServerProcess(['--database', database, '--workflows', 'off']);
    try {
      const cpu = processTreeCpu(server.child.pid ?? 0);
      const serverDefault = await measureServer(server.url, (run) => shiftedPeriod(90, 1 + run), RUNS, cpu);
      const serverWarm = await measureServer(server.url, () => ({}), RUNS, cpu);
      const serverYear = await measureServer(server.url, (run) => shiftedPeriod(365, 100 + run), RUNS, cpu);
      console.log(`server measured (load average ${load()})`);
      const browserTimes = await measureBrowser(browser, server.url, DIST_DIR, RUNS);
      console.log(`browser measured (load average ${load()})\n`);
      printReport({
        database: label,
        records: RECORDS,
        runs: RUNS,
        serverDefault,
        serverWarm,
        serverYear,
        browser: browserTimes,
      });
    } finally {
      await server.stop();
    }
  } finally {
    drop();
  }
}

async function main(): Promise<void> {
  console.log(
    `Dashboard benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, load average ${load()}\n`,
  );
  const buildMs = await timeMs(buildPage);
  console.log(`page built in ${n(buildMs)} ms`);
  const browser = await launchChromium();
  try {
    for (const kind of DATABASES) await measure(kind, browser);
  } finally {
    await browser.close();
  }
}

await main();
