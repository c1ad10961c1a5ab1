/**
 * The designers in Chromium, driven with real input (Playwright's mouse and keyboard, i.e. CDP input
 * events the page cannot tell from a user's): a drag across the canvas while frames are recorded (in
 * the page and in a Chromium trace), a click timed until the settings panel shows its subject, a key
 * press timed until the canvas changed.
 */
import type { Browser, Page } from 'playwright-core';
import { type FrameWork, frameWork, TRACE_CATEGORIES } from './frameTrace.ts';
import type { InteractionTiming } from './protocol.ts';

/** The viewport of every measurement (a laptop screen). */
export const VIEWPORT = { width: 1440, height: 900 } as const;
/** The pointer's cadence while dragging: one move per 60 Hz frame, as a mouse reports. */
const MOVE_EVERY_MS = 1000 / 60;

/** A fresh tab with the page loaded (no designer mounted yet). */
export async function openPage(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => window.designerBench !== undefined);
  return page;
}

/** One drag: pointer moves sent, frames the page's loop saw, and the trace's frames and work per frame. */
export interface DragSample extends FrameWork {
  readonly moves: number;
  /** Animation frames the page's requestAnimationFrame loop ran (a check on the trace's count). */
  readonly pageFrames: number;
}

/** The centre of an element, scrolled into view first. */
async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const target = page.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  // Two frames for what came into view to be drawn (a field off screen until now may take its size).
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const box = await target.boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** What a drag grabs, where it goes, and what shows that the drag is on (selectors). */
export interface DragTarget {
  readonly handle: string;
  readonly area: string;
  readonly dragging: string;
}

/**
 * Presses the mouse on the handle, lifts the drag past dnd-kit's activation distance, then moves for
 * `ms` along a path down and across the area (60 moves a second, each sent once the page took the
 * last), recording frames; then drops. Throws if the drag did not start.
 */
export async function dragAcross(
  browser: Browser,
  page: Page,
  target: DragTarget,
  ms: number,
): Promise<DragSample> {
  const { handle, area } = target;
  const start = await centreOf(page, handle);
  const box = await page.locator(area).first().boundingBox();
  if (!box) throw new Error(`${area} has no box`);
  const bottom = Math.min(box.y + box.height, VIEWPORT.height) - 60;
  const left = Math.max(box.x, 0) + 40;
  const right = Math.min(box.x + box.width, VIEWPORT.width) - 40;
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 12, { steps: 3 });
  await page.waitForSelector(target.dragging, { timeout: 5000 });
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.evaluate(() => window.designerBench?.startFrames());
  const began = performance.now();
  let moves = 0;
  for (let elapsed = 0; elapsed < ms; elapsed = performance.now() - began) {
    const t = elapsed / ms;
    // Down the visible canvas and back up once, sweeping left and right three times.
    const y = start.y + (bottom - start.y) * Math.sin(Math.PI * t);
    const x = left + (right - left) * (0.5 - 0.5 * Math.cos(6 * Math.PI * t));
    await page.mouse.move(x, y);
    moves += 1;
    const wait = began + moves * MOVE_EVERY_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const frames = (await page.evaluate(() => window.designerBench?.stopFrames())) ?? [];
  const trace = (await browser.stopTracing()).toString('utf8');
  await page.mouse.up();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  return { moves, pageFrames: frames.length, ...frameWork(trace) };
}

/** Clicks `target` (scrolled into view first, not timed) and times it until the panel shows `label`. */
export async function timeSelect(page: Page, target: string, label: string): Promise<InteractionTiming> {
  const { x, y } = await centreOf(page, target);
  await page.evaluate((l) => window.designerBench?.arm('pointer', { panelShows: l }), label);
  await page.mouse.click(x, y);
  const timing = await page.evaluate(() => window.designerBench?.armed());
  if (!timing) throw new Error('the page has no designerBench');
  return timing;
}

/** Presses `keys` (focus is where the caller left it) and times it until the canvas changed. */
export async function timeKey(page: Page, keys: string): Promise<InteractionTiming> {
  await page.evaluate(() => window.designerBench?.arm('key', { canvasChanges: true }));
  await page.keyboard.press(keys);
  const timing = await page.evaluate(() => window.designerBench?.armed());
  if (!timing) throw new Error('the page has no designerBench');
  return timing;
}
