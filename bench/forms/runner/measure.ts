/**
 * Measurements in one page: load a library's page, mount a form through window.bench and read what
 * the page measured (pages/harness/install.ts). Key presses are real ones (Playwright's keyboard) on
 * the middle field: a character, then Backspace, alternately, so the value stays valid and the same
 * length. For each key press the runner also reads, through the DevTools protocol, the main thread's
 * CPU time spent in script (Performance.getMetrics ScriptDuration, timeDomain "threadTicks") from just
 * before the key press to 30 ms after its frame was painted: every listener, React's render and commit,
 * and work a library defers to a timer (JSON Forms debounces its onChange by 10 ms), but not the time
 * the thread waited for a CPU.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { DataSet, KeystrokeSample, LibraryId, MountResult, SubmitSample } from '../protocol.ts';
import type { TraceEvent } from './timeline.ts';

/** How long after a key press's frame its deferred work is still counted. */
const SETTLE_MS = 30;
/** A page call that takes longer than this fails the library at this size instead of hanging the run. */
const CALL_TIMEOUT_MS = 120_000;
/** What `trace` records: the DevTools Performance panel's main-thread events. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
].join(',');

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took over ${CALL_TIMEOUT_MS / 1000} s`)),
      CALL_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface KeySample extends KeystrokeSample {
  /** CPU time in script for the key press (DevTools, thread ticks). */
  readonly scriptMs: number;
}

export class BenchPage {
  private page: Page | undefined;
  private cdp: CDPSession | undefined;

  constructor(
    private readonly context: BrowserContext,
    private readonly origin: string,
  ) {}

  /** Loads a library's page in a new tab (closing the last one, so no earlier page shares its heap). */
  async open(library: LibraryId): Promise<void> {
    await this.page?.close();
    const page = await this.context.newPage();
    page.setDefaultTimeout(CALL_TIMEOUT_MS);
    this.page = page;
    this.cdp = await this.context.newCDPSession(page);
    await this.cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(`${this.origin}/${library}.html`);
    await page.waitForFunction(() => window.bench !== undefined);
  }

  async close(): Promise<void> {
    await this.page?.close();
    this.page = undefined;
  }

  private get current(): Page {
    if (!this.page) throw new Error('no page is open');
    return this.page;
  }

  mount(size: number, data: DataSet): Promise<MountResult> {
    return within(
      this.current.evaluate(
        (request) => {
          if (!window.bench) throw new Error('window.bench is missing');
          return window.bench.mount(request);
        },
        { size, data },
      ),
      'mount',
    );
  }

  heap(): Promise<number> {
    return this.current.evaluate(() => window.bench?.heap() ?? Number.NaN);
  }

  submit(): Promise<SubmitSample> {
    return within(
      this.current.evaluate(() => {
        if (!window.bench) throw new Error('window.bench is missing');
        return window.bench.submit();
      }),
      'submit',
    );
  }

  /** Focuses the middle field with a click and puts the caret at the end. */
  async focusMiddle(): Promise<void> {
    const selector = await this.current.evaluate(() => window.bench?.middleSelector ?? '');
    await this.current.click(selector);
    await this.current.keyboard.press('End');
  }

  /** `count` key presses (character, Backspace, …), each measured on its own. */
  async keystrokes(count: number): Promise<KeySample[]> {
    const samples: KeySample[] = [];
    for (let i = 0; i < count; i++) {
      await this.current.evaluate(() => window.bench?.armKeystroke());
      const before = await this.scriptMs();
      if (i % 2 === 0) await this.current.keyboard.type('abcdefghij'.charAt((i / 2) % 10));
      else await this.current.keyboard.press('Backspace');
      const sample = await within(
        this.current.evaluate(() => {
          if (!window.bench) throw new Error('window.bench is missing');
          return window.bench.keystroke();
        }),
        'key press',
      );
      await this.current.waitForTimeout(SETTLE_MS);
      samples.push({ ...sample, scriptMs: (await this.scriptMs()) - before });
    }
    return samples;
  }

  /** A CPU profile (DevTools Profiler, sampled every 50 µs) of what `run` makes the page do. */
  async profile(run: () => Promise<unknown>): Promise<unknown> {
    if (!this.cdp) throw new Error('no page is open');
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await this.cdp.send('Profiler.start');
    await run();
    const { profile } = await this.cdp.send('Profiler.stop');
    await this.cdp.send('Profiler.disable');
    return profile;
  }

  /** A Chromium trace (the DevTools timeline categories) of what `run` makes the page do. */
  async trace(run: () => Promise<unknown>): Promise<TraceEvent[]> {
    const cdp = this.cdp;
    if (!cdp) throw new Error('no page is open');
    const events: TraceEvent[] = [];
    const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
    cdp.on('Tracing.dataCollected', collect);
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
    await run();
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  }

  /**
   * Scrolls the mounted form from top to bottom one viewport at a time, each step timed from the scroll
   * to after the next paint (so it includes drawing what came into view): milliseconds per step.
   */
  scrollThrough(): Promise<number[]> {
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    return this.current.evaluate(async () => {
      const channel = new MessageChannel();
      const steps: number[] = [];
      window.scrollTo(0, 0);
      for (let start = -1; ; start = performance.now()) {
        // After the next paint: a message posted from requestAnimationFrame (pages/harness/frames.ts).
        const painted = await new Promise<number>((resolve) => {
          channel.port1.onmessage = () => resolve(performance.now());
          requestAnimationFrame(() => channel.port2.postMessage(null));
        });
        if (start >= 0) steps.push(painted - start);
        if (window.scrollY >= document.documentElement.scrollHeight - window.innerHeight - 1) return steps;
        window.scrollBy(0, window.innerHeight);
      }
    });
  }

  /** Elements in the form's container, and form controls among them. */
  domCounts(): Promise<{ readonly elements: number; readonly controls: number }> {
    return this.current.evaluate(() => {
      const root = document.getElementById('root');
      return {
        elements: root?.querySelectorAll('*').length ?? 0,
        controls: root?.querySelectorAll('input, select, textarea').length ?? 0,
      };
    });
  }

  private async scriptMs(): Promise<number> {
    if (!this.cdp) throw new Error('no page is open');
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const seconds = metrics.find((m) => m.name === 'ScriptDuration')?.value;
    if (seconds === undefined) throw new Error('DevTools reports no ScriptDuration');
    return seconds * 1000;
  }
}
