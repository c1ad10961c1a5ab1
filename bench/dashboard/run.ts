/**
 * bench/dashboard: a 20-widget board over 1M records, in Chromium against the real server (SQLite):
 * the time from opening the board to every widget painted, and from a record submit to the updated
 * paint. Goals: open < 1 s, update < 500 ms. Run with `pnpm --filter @formboard/bench run
 * bench:dashboard`; see bench/dashboard/README.md.
 *
 * While iterating: `--records=100000` (default 1,000,000), `--runs=3` (default 5).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '@formboard/server/testing';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { launchChromium } from '../forms/runner/browser.ts';
import { timeMs } from '../storage/timing.ts';
import { measureBrowser } from './browserTimes.ts';
import { shiftedPeriod } from './periods.ts';
import { printReport } from './report.ts';
import { measureServer } from './serverTimes.ts';
import { setupDatabase } from './setupDatabase.ts';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RECORDS = Number(option('records') ?? 1_000_000);
const RUNS = Number(option('runs') ?? 5);
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

async function main(): Promise<void> {
  console.log(
    `Dashboard benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, load average ${load()}\n`,
  );
  const dir = mkdtempSync(join(os.tmpdir(), 'formboard-bench-dashboard-'));
  const database = join(dir, 'board.db');
  try {
    const setup = await setupDatabase(database, RECORDS, Date.now());
    console.log(
      `${n(RECORDS)} records written in ${n(setup.recordsMs)} ms, typed table rebuilt in ${n(setup.rebuildMs)} ms, board published (board indexes) in ${n(setup.publishMs)} ms`,
    );
    const buildMs = await timeMs(buildPage);
    console.log(`page built in ${n(buildMs)} ms`);
    const server = await startServerProcess(['--database', database, '--workflows', 'off']);
    const browser = await launchChromium();
    try {
      const serverDefault = await measureServer(server.url, (run) => shiftedPeriod(90, 1 + run), RUNS);
      const serverWarm = await measureServer(server.url, () => ({}), RUNS);
      const serverYear = await measureServer(server.url, (run) => shiftedPeriod(365, 100 + run), RUNS);
      console.log(`server measured (load average ${load()})`);
      const browserTimes = await measureBrowser(browser, server.url, DIST_DIR, RUNS);
      console.log(`browser measured (load average ${load()})\n`);
      printReport({
        records: RECORDS,
        runs: RUNS,
        serverDefault,
        serverWarm,
        serverYear,
        browser: browserTimes,
      });
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
