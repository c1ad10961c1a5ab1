import { markdownTable } from '../storage/markdownTable.ts';
import type { BrowserTiming } from './browserTimes.ts';
import type { ServerTiming } from './serverTimes.ts';

/** Goals of the issue. */
export const OPEN_GOAL_MS = 1000;
export const UPDATE_GOAL_MS = 500;

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const verdict = (value: number, goal: number) =>
  `${value < goal ? 'met' : 'NOT met'} (${(value / goal).toFixed(2)}× the goal)`;

/** Prints the results as a Markdown table, and the goal verdicts. */
export function printReport(result: {
  /** The server's database: SQLite or PostgreSQL. */
  database: string;
  records: number;
  runs: number;
  serverDefault: ServerTiming;
  serverWarm: ServerTiming;
  serverYear: ServerTiming;
  browser: BrowserTiming;
}): void {
  const { browser, serverDefault, serverWarm, serverYear } = result;
  const { open, openWarm, update, openLastYear } = browser;
  console.log(
    `${result.records.toLocaleString('en-US')} records; medians of ${result.runs} runs after one warm-up. Chromium, ${result.database}, 1600 × 1000 px.`,
  );
  console.log(
    'Cold: a period of its own each run, so the server has no answer kept; warm: the default period again.\n',
  );
  console.log(
    markdownTable(
      ['measurement', 'last 90 days (default)', 'last 12 months'],
      [
        ['open → all 20 widgets painted (cold)', ms(open.paintedMs), ms(openLastYear.paintedMs)],
        ['of which: definition fetched', ms(open.definitionMs), ms(openLastYear.definitionMs)],
        ['of which: until the last widget rows arrived', ms(open.lastRowsMs), ms(openLastYear.lastRowsMs)],
        [
          'of which: drawing after the last rows',
          ms(open.paintedMs - open.lastRowsMs),
          ms(openLastYear.paintedMs - openLastYear.lastRowsMs),
        ],
        ['longest wait for rows (browser)', ms(open.slowestRequestMs), ms(openLastYear.slowestRequestMs)],
        ['open → all 20 widgets painted (warm)', ms(openWarm.paintedMs), '—'],
        ['server: one batch of 20 widgets (cold)', ms(serverDefault.batchMs), ms(serverYear.batchMs)],
        ['of which: server process CPU time', ms(serverDefault.batchCpuMs), ms(serverYear.batchCpuMs)],
        ['server: one batch of 20 widgets (warm)', ms(serverWarm.batchMs), '—'],
        [
          'server: 20 single requests one by one (cold)',
          ms(serverDefault.sequentialMs),
          ms(serverYear.sequentialMs),
        ],
        ['render only: rows in memory → painted', ms(browser.renderOnlyMs), '—'],
        ['submit → updated paint', ms(update.paintedMs), '—'],
        ['of which: submit answered', ms(update.submittedMs), '—'],
        ['of which: change event arrived', ms(update.eventMs), '—'],
        ['of which: last reloaded rows arrived', ms(update.lastRowsMs), '—'],
      ],
      [1, 2],
    ),
  );
  const slow = (s: ServerTiming) => s.slowest.map(([id, t]) => `${id} ${ms(t)}`).join(', ');
  console.log(`\nslowest widget queries (cold), last 90 days: ${slow(serverDefault)}`);
  console.log(`slowest widget queries (cold), last 12 months: ${slow(serverYear)}`);
  console.log(
    `slowest widgets to draw alone: ${browser.slowestRenders.map(([id, t]) => `${id} ${ms(t)}`).join(', ')}`,
  );
  console.log(`widgets reloaded per submit: ${update.widgetsReloaded}`);
  console.log(
    `page width at a 390 px viewport: ${browser.phoneWidth} px (${browser.phoneWidth <= 390 ? 'no sideways scroll' : 'SCROLLS SIDEWAYS'})`,
  );
  console.log(
    `\n${result.database}: goal open < ${OPEN_GOAL_MS} ms (cold): ${verdict(open.paintedMs, OPEN_GOAL_MS)}`,
  );
  console.log(`open < ${OPEN_GOAL_MS} ms (warm): ${verdict(openWarm.paintedMs, OPEN_GOAL_MS)}`);
  console.log(`goal update < ${UPDATE_GOAL_MS} ms: ${verdict(update.paintedMs, UPDATE_GOAL_MS)}`);
}
