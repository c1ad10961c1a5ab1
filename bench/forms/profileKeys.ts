/**
 * Where a key press's JavaScript time goes: builds the pages unminified (function names kept), mounts
 * each library's form at one size in headless Chromium and records a CPU profile (DevTools Profiler,
 * 50 µs sampling) over key presses in the middle field — the same presses as the benchmark (a
 * character, then Backspace). Prints, per key press, the sampled time by where the code comes from:
 * React (react-dom, scheduler), the library's own code, the harness, and the collector. Run with
 * `cd bench && npx tsx forms/profileKeys.ts --size=2000 --libraries=formboard,rhf,formily --keys=60`;
 * `--submit` (`--valid`) or `--mount` profile a submit or a mount instead. Not part of `pnpm bench`;
 * see README.md ("Where formboard's time goes").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { originOf, type Profile } from '../shared/cpuProfile.ts';
import { fixtureFiles, generate } from './generate.ts';
import { LABELS, type LibraryId } from './protocol.ts';
import { launchChromium } from './runner/browser.ts';
import { BenchPage } from './runner/measure.ts';
import { serveStatic } from './runner/server.ts';
import { benchViteConfig } from './vite.config.ts';

function option(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

const size = Number(option('size', '2000'));
const libraries = option('libraries', 'formboard,rhf,formily').split(',') as LibraryId[];
const keys = Number(option('keys', '60'));
const top = Number(option('top', '12'));
/** `--submit`: profile a submit of the 10%-invalid data (`--valid`: of the valid data) instead. */
const submitMode = process.argv.includes('--submit');
const validSubmit = process.argv.includes('--valid');
/** `--mount`: profile the mount of the valid data instead (after a warm-up mount in another tab). */
const mountMode = process.argv.includes('--mount');
const outDir = join(tmpdir(), 'formboard-bench-profile');
/** What the sums are divided by: the key presses, or the one mount or submit. */
const per = mountMode || submitMode ? 1 : keys;
const unit = mountMode ? 'mount' : submitMode ? 'submit' : 'key press';

const config = benchViteConfig(libraries);
const moduleOf = new Map<string, string>();
await build({
  configFile: false,
  ...config,
  build: { ...config.build, outDir, minify: false },
  plugins: [
    ...(config.plugins ?? []),
    {
      name: 'function-origins',
      // Which package each top-level function of the bundle came from (names are kept unminified).
      generateBundle(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          for (const [id, info] of Object.entries(chunk.modules)) {
            const where =
              /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(@[^/]+\/[^/]+|[^/]+)/.exec(id)?.[1] ??
              /packages\/([^/]+)\//.exec(id)?.[1] ??
              (id.includes('/harness/') ? 'harness' : 'page');
            for (const match of (info.code ?? '').matchAll(/function\s+([\w$]+)\s*\(/g))
              if (match[1] && !moduleOf.has(match[1])) moduleOf.set(match[1], where);
          }
        }
      },
    },
  ],
});
const form = generate(size);
for (const [path, content] of fixtureFiles(form)) {
  const file = join(outDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(content));
}

const server = await serveStatic(outDir);
const browser = await launchChromium();
const context = await browser.newContext();
const page = new BenchPage(context, server.origin);
try {
  for (const library of libraries) {
    await page.open(library);
    await page.mount(size, submitMode && !validSubmit ? 'invalid' : 'valid');
    if (mountMode) await page.open(library);
    else if (!submitMode) {
      await page.focusMiddle();
      await page.keystrokes(4);
    }
    const profile = (await page.profile(() =>
      mountMode ? page.mount(size, 'valid') : submitMode ? page.submit() : page.keystrokes(keys),
    )) as Profile;
    if (process.env.PROFILE_OUT)
      writeFileSync(`${process.env.PROFILE_OUT}-${library}.cpuprofile`, JSON.stringify(profile));
    const perOrigin = new Map<string, number>();
    const perFunction = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      if (!node) return;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const where = originOf(node, moduleOf);
      perOrigin.set(where, (perOrigin.get(where) ?? 0) + ms);
      if (where !== 'idle') {
        const name = `${node.callFrame.functionName || '(anonymous)'} [${where}]`;
        perFunction.set(name, (perFunction.get(name) ?? 0) + ms);
      }
    });
    const busy = [...perOrigin].filter(([k]) => k !== 'idle').reduce((a, [, v]) => a + v, 0);
    console.log(
      `\n${LABELS[library]} at ${size} fields: ${(busy / per).toFixed(2)} ms sampled per ${unit} (not idle)`,
    );
    for (const [where, ms] of [...perOrigin].sort((a, b) => b[1] - a[1])) {
      if (where !== 'idle') console.log(`  ${(ms / per).toFixed(3).padStart(7)} ms  ${where}`);
    }
    console.log(`  top functions (self time per ${unit}):`);
    for (const [name, ms] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${(ms / per).toFixed(3).padStart(7)} ms  ${name}`);
    }
  }
} finally {
  await page.close();
  await browser.close();
  await server.close();
}
