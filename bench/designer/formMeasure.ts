/**
 * The form designer's measurements in Chromium: mount, drag frames, select-to-panel and Ctrl+Z on a
 * 1,000-step history, each in fresh tabs of the built page (see README "What is measured").
 */
import type { Browser, Page } from 'playwright-core';
import { type DragSample, dragAcross, openPage, timeKey, timeSelect } from './browserInput.ts';
import type { InteractionTiming } from './protocol.ts';

/** How much of each measurement to take (the runner's options). */
export interface FormPlan {
  readonly dragRounds: number;
  readonly dragMs: number;
  readonly selections: number;
  readonly undos: number;
  readonly historySteps: number;
}

/** Everything measured on the form designer. */
export interface FormResults {
  readonly mountMs: readonly number[];
  readonly drags: readonly DragSample[];
  readonly selects: readonly InteractionTiming[];
  readonly undos: readonly InteractionTiming[];
  readonly historySteps: number;
}

const WARM_UP = 3;

async function openForm(browser: Browser, origin: string): Promise<{ page: Page; mountMs: number }> {
  const page = await openPage(browser, origin);
  const mountMs = await page.evaluate(() => window.designerBench?.openForm());
  if (mountMs === undefined) throw new Error('the page has no designerBench');
  return { page, mountMs };
}

/** `count` field ids spread evenly over the form (the first one not among them: it is dragged). */
function spread(fields: readonly string[], count: number): string[] {
  const step = Math.max(1, Math.floor(fields.length / (count + 1)));
  return Array.from({ length: count }, (_, i) => fields[(i + 1) * step] ?? '').filter(Boolean);
}

/** Selects fields by clicking their labels on the canvas; the first WARM_UP clicks are not kept. */
async function selects(page: Page, fields: readonly string[], count: number): Promise<InteractionTiming[]> {
  const out: InteractionTiming[] = [];
  for (const [i, id] of spread(fields, count + WARM_UP).entries()) {
    const label = await page.evaluate((node) => window.designerBench?.labelOf(node) ?? '', id);
    const timing = await timeSelect(page, `[data-node-id="${id}"] .fb-label`, label);
    if (i >= WARM_UP) out.push(timing);
  }
  return out;
}

/** Builds the history in the page, focuses the canvas, and times Ctrl+Z presses until the canvas changed. */
async function undos(page: Page, steps: number, count: number): Promise<InteractionTiming[]> {
  const made = await page.evaluate((n) => window.designerBench?.buildHistory(n), steps);
  if (made !== steps) throw new Error(`the history has ${made} steps, not ${steps}`);
  await page.focus('.fbd-canvas');
  const out: InteractionTiming[] = [];
  for (let i = 0; i < count + WARM_UP; i += 1) {
    const timing = await timeKey(page, 'Control+z');
    if (i >= WARM_UP) out.push(timing);
  }
  return out;
}

/** Runs the form designer's measurements, each drag in a fresh tab, selections and undos in one more. */
export async function measureForm(
  browser: Browser,
  origin: string,
  fields: readonly string[],
  plan: FormPlan,
): Promise<FormResults> {
  const mountMs: number[] = [];
  const drags: DragSample[] = [];
  const first = fields[0];
  if (first === undefined) throw new Error('the form has no fields');
  for (let round = 0; round < plan.dragRounds; round += 1) {
    const { page, mountMs: mounted } = await openForm(browser, origin);
    mountMs.push(mounted);
    const target = {
      handle: `[data-handle-for="${first}"]`,
      area: '.fbd-canvas',
      dragging: '.fbd-drag-card',
    };
    drags.push(await dragAcross(browser, page, target, plan.dragMs));
    await page.context().close();
  }
  const { page, mountMs: mounted } = await openForm(browser, origin);
  mountMs.push(mounted);
  const selected = await selects(page, fields, plan.selections);
  const undone = await undos(page, plan.historySteps, plan.undos);
  await page.context().close();
  return { mountMs, drags, selects: selected, undos: undone, historySteps: plan.historySteps };
}
