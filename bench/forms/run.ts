/**
 * Forms benchmark: Formboard's renderer against @rjsf/core, JSON Forms, Formily, SurveyJS and a
 * hand-written react-hook-form page, on generated forms of 100, 500 and 2,000 fields, in headless
 * Chromium, all in one run. Run with `pnpm bench:forms` in bench/ (or `pnpm bench` from the root).
 * Options: --sizes=100,500 and --libraries=rhf,rjsf to run a part. See bench/forms/README.md.
 */
import os from 'node:os';
import { generate } from './generate.ts';
import { SECTION_SIZE, SIZES, TABLE_COLUMNS, TABLE_ROWS } from './model.ts';
import { LIBRARIES, type LibraryId } from './protocol.ts';
import { launchChromium } from './runner/browser.ts';
import { buildPages } from './runner/build.ts';
import { bundleSizes } from './runner/bundleSize.ts';
import { checkBehaviour } from './runner/checkBehaviour.ts';
import { checkFixtures } from './runner/checkFixtures.ts';
import { collectSize } from './runner/collect.ts';
import { checkGoals } from './runner/goals.ts';
import { BenchPage } from './runner/measure.ts';
import { PLANS } from './runner/plan.ts';
import { formatSize, LEGEND, wrongOutcomes } from './runner/report.ts';
import type { LibraryResult } from './runner/results.ts';
import { serveStatic } from './runner/server.ts';

function option(name: string): string[] | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg?.slice(name.length + 3).split(',');
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const started = performance.now();
const sizes = option('sizes')?.map(Number) ?? [...SIZES];
const wanted = option('libraries') ?? [...LIBRARIES];
const plans = PLANS.filter((p) => sizes.includes(p.size));
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `forms benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu}, ` +
    `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, load average ${load()}`,
);

const forms = plans.map((p) => generate(p.size));
let failed = false;
let engineChecked = true;
for (const form of forms) {
  const { problems, notes } = await checkFixtures(form);
  for (const line of [...problems, ...notes]) console.log(line);
  if (problems.length > 0) failed = true;
  if (notes.length > 0) engineChecked = false;
}
if (failed) process.exit(1);
console.log(
  `fixtures: the Formboard definitions pass validateDefinition; ${engineChecked ? 'the Formboard engine and ' : ''}` +
    'ajv find no error in the valid data and exactly the planted ones in the 10%-invalid data',
);

const built = await buildPages(forms);
for (const reason of built.skipped.values()) console.log(reason);
if (!built.skipped.has('formboard'))
  console.log('formboard page built: @formboard/form-runtime exports FormView and loadFormEngine');
const libraries = built.libraries.filter((l: LibraryId) => wanted.includes(l));
console.log(`vite build of ${built.libraries.length} pages: ${built.seconds.toFixed(1)} s`);
const bundles = bundleSizes(built.distDir, libraries);
const gzip = new Map([...bundles].map(([l, s]) => [l, s.gzip]));
for (const [library, size] of bundles) {
  if (size.onDemand.files === 0) continue;
  console.log(
    `${library}: ${(size.gzip / 1024).toFixed(1)} KB gzip loaded; ${(size.onDemand.gzip / 1024).toFixed(1)} KB more in ` +
      `${size.onDemand.files} chunks loaded on demand (not by these forms)`,
  );
}

const server = await serveStatic(built.distDir);
const browser = await launchChromium();
console.log(`Chromium ${browser.version()} (headless, playwright-core)\n\n${LEGEND}\n`);
const results = new Map<number, Map<LibraryId, LibraryResult>>();
try {
  const checkedSize = Math.max(...plans.map((p) => p.size));
  if (libraries.includes('formboard')) {
    const problems = await checkBehaviour(browser, server.origin, checkedSize);
    for (const line of problems) console.log(`PROBLEM: ${line}`);
    if (problems.length > 0) failed = true;
    else
      console.log(
        `formboard page at ${checkedSize} fields: sections off screen are skipped, and find-in-page, links, ` +
          'focus on submit, the error summary and print still reach them',
      );
  }
  const bench = new BenchPage(await browser.newContext(), server.origin);
  for (const [i, plan] of plans.entries()) {
    const measured = await collectSize(bench, plan, libraries, gzip, (line) => console.log(line));
    results.set(plan.size, measured);
    const report = {
      plan,
      sections: plan.size / SECTION_SIZE,
      tableCells: TABLE_ROWS * TABLE_COLUMNS.length,
      invalidCount: forms[i]?.data.invalidCount ?? Number.NaN,
      results: measured,
    };
    console.log(`\n${formatSize(report)}\n`);
    const wrong = wrongOutcomes(report);
    for (const line of wrong) console.log(`PROBLEM: ${line}`);
    if (wrong.length > 0) failed = true;
  }
  await bench.close();
} finally {
  await browser.close();
  await server.close();
}

const largest = results.get(2000);
if (largest) {
  console.log('goals at 2,000 fields (formboard, ratios within this run):');
  for (const line of checkGoals(largest)) console.log(line);
}
console.log(
  `\ntotal ${((performance.now() - started) / 60000).toFixed(1)} min; load average at the end ${load()}`,
);
if (failed) process.exit(1);
