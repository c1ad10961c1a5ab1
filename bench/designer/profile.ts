/**
 * Where the designer's time goes: builds the page unminified (function names kept, into the OS temp
 * directory), and records a Chromium CPU profile (DevTools Profiler, 100 µs sampling) over the
 * benchmark's interactions — a 2 s drag across the canvas, 20 selections (of fields on the first
 * screen, so no scrolling is profiled), 30 Ctrl+Z presses — each in
 * a fresh tab. Prints, per interaction, the sampled time by where the code comes from and the
 * functions with the most self and total time. Not part of `pnpm bench`; see README.md. Run with
 * `cd bench && npx tsx designer/profile.ts` (`--only=drag|select|undo`, `--top=15`).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../forms/runner/browser.ts';
import { serveStatic } from '../forms/runner/server.ts';
import { originOf, type Profile, type ProfileNode } from '../shared/cpuProfile.ts';
import { dragAcross, openPage, timeKey, timeSelect } from './browserInput.ts';
import { buildPage } from './build.ts';
import { benchForm, fieldNodes } from './formFixture.ts';
import { HISTORY_STEPS } from './history.ts';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('only');
const top = Number(option('top') ?? 15);
const outDir = join(tmpdir(), 'formboard-bench-designer-profile');

/** Which package each top-level function of the unminified bundle came from. */
const moduleOf = new Map<string, string>();
const functionOrigins = {
  name: 'function-origins',
  generateBundle(
    _options: unknown,
    bundle: Record<string, { type: string; modules?: Record<string, { code: string | null }> }>,
  ) {
    for (const chunk of Object.values(bundle)) {
      for (const [id, info] of Object.entries(chunk.modules ?? {})) {
        const where =
          /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(@[^/]+\/[^/]+|[^/]+)/.exec(id)?.[1] ??
          /packages\/([^/]+)\/src\/((?:react\/)?[^/]+)/.exec(id)?.slice(1, 3).join('/') ??
          'bench page';
        for (const match of (info.code ?? '').matchAll(/function\s+([\w$]+)\s*\(/g))
          if (match[1] && !moduleOf.has(match[1])) moduleOf.set(match[1], where);
      }
    }
  },
};

/** Prints the profile summed by origin, by function (self) and by function (total, each once per stack). */
function summarise(title: string, profile: Profile, per: number, unit: string): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const origins = new Map<string, number>();
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const where = originOf(node, moduleOf);
    add(origins, where, ms);
    if (where === 'idle') return;
    add(self, `${node.callFrame.functionName || '(anonymous)'} [${where}]`, ms);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const name = n.callFrame.functionName;
      if (!name || name.startsWith('(')) continue;
      const key = `${name} [${originOf(n, moduleOf)}]`;
      if (!seen.has(key)) add(total, key, ms);
      seen.add(key);
    }
  });
  const busy = [...origins].filter(([k]) => k !== 'idle').reduce((a, [, v]) => a + v, 0);
  const line = (ms: number, what: string) =>
    console.log(`  ${(ms / per).toFixed(2).padStart(8)} ms  ${what}`);
  console.log(`\n${title}: ${(busy / per).toFixed(1)} ms sampled per ${unit} (not idle)`);
  for (const [where, ms] of [...origins].sort((a, b) => b[1] - a[1])) if (where !== 'idle') line(ms, where);
  console.log(`  top functions, self time per ${unit}:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) line(ms, name);
  console.log(`  top functions, total time per ${unit}:`);
  for (const [name, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) line(ms, name);
}

async function profiled(page: Page, work: () => Promise<void>): Promise<Profile> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  return profile;
}

async function freshForm(browser: Browser, origin: string): Promise<Page> {
  const page = await openPage(browser, origin);
  await page.evaluate(() => window.designerBench?.openForm());
  return page;
}

const form = benchForm();
const fields = fieldNodes(form);
await buildPage({ form }, { outDir, minify: false, plugins: [functionOrigins] });
const server = await serveStatic(outDir);
const browser = await launchChromium();
try {
  if (!only || only === 'drag') {
    const page = await freshForm(browser, server.origin);
    let frames = 1;
    const profile = await profiled(page, async () => {
      const target = {
        handle: `[data-handle-for="${fields[0]}"]`,
        area: '.fbd-canvas',
        dragging: '.fbd-drag-card',
      };
      frames = (await dragAcross(browser, page, target, 2000)).perFrame.length;
    });
    summarise(`drag across the canvas (2 s, ${frames} frames)`, profile, frames, 'frame');
    await page.context().close();
  }
  if (!only || only === 'select') {
    const page = await freshForm(browser, server.origin);
    // Fields on the first screen, so no scrolling (the runner's, untimed in the benchmark) is profiled.
    const ids = [...fields.slice(1, 11), ...fields.slice(1, 11)];
    const profile = await profiled(page, async () => {
      for (const id of ids) {
        const label = await page.evaluate((node) => window.designerBench?.labelOf(node) ?? '', id);
        await timeSelect(page, `[data-node-id="${id}"] .fb-label`, label);
      }
    });
    summarise(`select → panel (${ids.length} selections)`, profile, ids.length, 'selection');
    await page.context().close();
  }
  if (!only || only === 'undo') {
    const page = await freshForm(browser, server.origin);
    await page.evaluate((n) => window.designerBench?.buildHistory(n), HISTORY_STEPS);
    await page.focus('.fbd-canvas');
    const presses = 30;
    const profile = await profiled(page, async () => {
      for (let i = 0; i < presses; i += 1) await timeKey(page, 'Control+z');
    });
    summarise(`Ctrl+Z on a ${HISTORY_STEPS}-step history (${presses} presses)`, profile, presses, 'press');
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
