import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// The journeys run against a real server (`formboard serve --demo`) on a fresh SQLite file, serving
// the studio built by `vite build` (the `e2e` script builds first), in Debian's Chromium.
const PORT = Number(process.env.E2E_PORT ?? 4317);
const database = join(mkdtempSync(join(tmpdir(), 'formboard-e2e-')), 'e2e.db');

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node --import tsx ../server/src/cli/main.ts serve --demo --test-clock --port ${PORT} --database ${database}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    // Demo mode loads the starter pack's sample company (680 people, ~20k records) before listening.
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
