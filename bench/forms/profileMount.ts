/**
 * Where a mount's time goes, and the mount times of a few libraries side by side with less noise than
 * the full run: builds the pages as the benchmark does (minified), then mounts each library's form
 * `--runs` times in fresh tabs, the libraries taking turns, and prints the median mount, the DOM it
 * made (elements and controls) and, from one traced mount per library, the main thread's time by the
 * DevTools groups (scripting, style, layout, paint, gc) and the busiest trace events, then scrolls
 * through the form a viewport at a time and times each step to its paint (what a browser that skips
 * off-screen content does later, as the person scrolls). Run with
 * `cd bench && npx tsx forms/profileMount.ts --size=2000 --libraries=formboard,rhf --runs=8`.
 * Not part of `pnpm bench`; see README.md ("Where formboard's time goes").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { fixtureFiles, generate } from './generate.ts';
import { LABELS, type LibraryId } from './protocol.ts';
import { launchChromium } from './runner/browser.ts';
import { BenchPage } from './runner/measure.ts';
import { serveStatic } from './runner/server.ts';
import { median } from './runner/stats.ts';
import { summarizeTimeline, type TimelineGroup } from './runner/timeline.ts';
import { benchViteConfig } from './vite.config.ts';

function option(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

const size = Number(option('size', '2000'));
const libraries = option('libraries', 'formboard,rhf').split(',') as LibraryId[];
const runs = Number(option('runs', '8'));
/** `--no-css`: the formboard page without the renderer's stylesheet (how the benchmark ran until 2026-11-28). */
const noCss = process.argv.includes('--no-css');
const top = Number(option('top', '10'));
const outDir = join(os.tmpdir(), 'formboard-bench-mount');
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** The three slowest steps, with their index: "437 ms (#239), …". */
function slowest(steps: readonly number[]): string {
  return [...steps.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([i, ms]) => `${ms.toFixed(0)} ms (#${i + 1})`)
    .join(', ');
}

const config = benchViteConfig(libraries);
const emptyCss = join(os.tmpdir(), 'formboard-bench-empty.css');
writeFileSync(emptyCss, '');
await build({
  configFile: false,
  ...config,
  ...(noCss ? { resolve: { alias: { '@formboard/form-runtime/formboard.css': emptyCss } } } : {}),
  build: { ...config.build, outDir },
});
const form = generate(size);
for (const [path, content] of fixtureFiles(form)) {
  const file = join(outDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(content));
}

const server = await serveStatic(outDir);
const browser = await launchChromium();
const page = new BenchPage(await browser.newContext(), server.origin);
const mounts = new Map(libraries.map((l) => [l, [] as number[]]));
const scripts = new Map(libraries.map((l) => [l, [] as number[]]));
console.log(
  `mount at ${size} fields, ${runs} runs per library${noCss ? ', formboard without its stylesheet' : ''}, ` +
    `load average ${load()}`,
);
try {
  // A warm-up mount per library (JIT, HTTP cache), then the timed ones, the order alternating.
  for (let run = -1; run < runs; run++) {
    for (const library of run % 2 === 0 ? libraries : [...libraries].reverse()) {
      await page.open(library);
      const mounted = await page.mount(size, 'valid');
      if (run < 0) continue;
      mounts.get(library)?.push(mounted.ms);
      scripts.get(library)?.push(mounted.jsMs);
    }
  }
  for (const library of libraries) {
    await page.open(library);
    const events = await page.trace(() => page.mount(size, 'valid'));
    const { elements, controls } = await page.domCounts();
    const { groups, names } = summarizeTimeline(events);
    const ms = mounts.get(library) ?? [];
    console.log(
      `\n${LABELS[library]}: mount median ${median(ms).toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(' ')}), ` +
        `render task median ${median(scripts.get(library) ?? []).toFixed(0)} ms; ` +
        `${elements} elements, ${controls} controls (${(elements / controls).toFixed(2)} elements per control)`,
    );
    const order: TimelineGroup[] = ['scripting', 'style', 'layout', 'paint', 'gc', 'other'];
    console.log(
      `  traced mount, main thread: ${order.map((g) => `${g} ${(groups.get(g) ?? 0).toFixed(0)} ms`).join(', ')}`,
    );
    for (const [name, t] of [...names].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`  ${t.toFixed(1).padStart(8)} ms  ${name}`);
    // What mounting left for later: drawing each part of the form as it scrolls into view.
    let steps: number[] = [];
    const scrolled = summarizeTimeline(
      await page.trace(async () => {
        steps = await page.scrollThrough();
      }),
    ).groups;
    console.log(
      `  scrolling through it a viewport a step: ${steps.length} steps, median ${median(steps).toFixed(1)} ms, ` +
        `slowest ${slowest(steps)} (scroll to after the paint); main thread ` +
        order.map((g) => `${g} ${(scrolled.get(g) ?? 0).toFixed(0)} ms`).join(', '),
    );
  }
} finally {
  await page.close();
  await browser.close();
  await server.close();
}
console.log(`\nload average at the end ${load()}`);
