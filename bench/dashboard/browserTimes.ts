import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { median } from '../storage/timing.ts';
import { shiftedPeriod } from './periods.ts';
import type { OpenTiming, UpdateTiming } from './protocol.ts';
import { ADMIN } from './setupDatabase.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Medians of the browser measurements. */
export interface BrowserTiming {
  /** Opens with a 90-day period no earlier open asked for: no answer kept on the server. */
  readonly open: OpenTiming;
  /** Opens with the default period (the last 90 days) again: every answer kept. */
  readonly openWarm: OpenTiming;
  readonly renderOnlyMs: number;
  /** The widgets that take longest to draw alone (id, ms), slowest first. */
  readonly slowestRenders: readonly (readonly [string, number])[];
  readonly update: UpdateTiming;
  readonly openLastYear: OpenTiming;
  /** The page's width at a 390 px viewport (390: nothing scrolls sideways). */
  readonly phoneWidth: number;
}

/** Medians of each field of some timings. */
function medians<T extends object>(runs: readonly T[]): T {
  const first = runs[0];
  if (!first) throw new Error('no runs');
  return Object.fromEntries(
    Object.keys(first).map((key) => [
      key,
      median(runs.map((r) => Number((r as Record<string, unknown>)[key]))),
    ]),
  ) as T;
}

/**
 * A page at the server's own origin (so the session cookie and the API are same-origin, as in the
 * studio): the built bench page is served by Playwright's router under /bench/, everything else is
 * the real server.
 */
async function openPage(
  browser: Browser,
  url: string,
  dist: string,
  width: number,
  height: number,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  await context.route(`${url}/bench/**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice('/bench/'.length) || 'index.html';
    const body = await readFile(join(dist, path)).catch(() => undefined);
    await (body
      ? route.fulfill({ body, contentType: TYPES[extname(path)] ?? 'application/octet-stream' })
      : route.fulfill({ status: 404 }));
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${url}/bench/index.html`);
  await page.waitForFunction(() => window.dashboardBench !== undefined);
  await page.evaluate(({ login, password }) => window.dashboardBench?.signIn(login, password), ADMIN);
  return page;
}

/** The value, or an error if the page's bench hook was missing. */
function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the page has no dashboardBench');
  return value;
}

const openBoard = (page: Page, filters: Record<string, unknown>) =>
  page.evaluate((f) => window.dashboardBench?.open(f), filters).then(defined);

/**
 * In Chromium: the board opened `runs` times (after one warm-up) with 90-day and 12-month periods of
 * their own (cold) and with its default filters (warm), rendered from answers already in memory,
 * `runs` record submits until shown, and the page width at 390 px.
 */
export async function measureBrowser(
  browser: Browser,
  url: string,
  dist: string,
  runs: number,
): Promise<BrowserTiming> {
  const page = await openPage(browser, url, dist, 1600, 1000);
  const times = async <T>(work: (run: number) => Promise<T>) => {
    await work(0);
    const out: T[] = [];
    for (let i = 1; i <= runs; i += 1) out.push(await work(i));
    return out;
  };
  // Shifts 200+ and 300+: periods the server measurement (shifts below 100 and 100+) never asked for.
  const open = medians(await times((run) => openBoard(page, shiftedPeriod(90, 200 + run))));
  const openWarm = medians(await times(() => openBoard(page, {})));
  const renderOnlyMs = median(
    await times(() => page.evaluate(() => window.dashboardBench?.renderOnly()).then(defined)),
  );
  const each = await times(() => page.evaluate(() => window.dashboardBench?.renderEach()).then(defined));
  const slowestRenders = (each[0] ?? [])
    .map(([id], i) => [id, median(each.map((run) => run[i]?.[1] ?? 0))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  await openBoard(page, {});
  await page.screenshot({ path: join(dist, 'board-1600.png'), fullPage: true });
  let n = 0;
  const update = medians(
    await times(async () => {
      // Quiet first, as after a real submit: the change reloads at once instead of joining a burst.
      await page.waitForTimeout(1000);
      n += 1;
      return page.evaluate((i) => window.dashboardBench?.submit(i), 2_000_000 + n).then(defined);
    }),
  );
  const openLastYear = medians(await times((run) => openBoard(page, shiftedPeriod(365, 300 + run))));
  await page.context().close();
  const phone = await openPage(browser, url, dist, 390, 844);
  await openBoard(phone, {});
  const phoneWidth = await phone.evaluate(() => window.dashboardBench?.pageWidth() ?? 0);
  await phone.screenshot({ path: join(dist, 'phone-390.png'), fullPage: false });
  await phone.context().close();
  return { open, openWarm, renderOnlyMs, slowestRenders, update, openLastYear, phoneWidth };
}
