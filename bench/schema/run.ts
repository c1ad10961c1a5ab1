/**
 * Definition validation benchmark on a realistic 500-field form: (a) `validateDefinition` on a form it
 * has never seen, against plain ajv validation of the same document with the same JSON Schema; (b) the
 * designer's case, `createDefinitionValidator` re-validating after each edit. Each part runs in a
 * process of its own (coldPart.ts, designerPart.ts), as each runs in its own program: cold validation
 * on the server, the memoizing validator in the designer's browser tab. Run with `pnpm bench` from the
 * repository root. See bench/schema/README.md for what is measured and how.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchmarkForm } from './benchmarkForm.ts';
import { CLOCK } from './clock.ts';
import { fail, RESULT_PREFIX, RUNS } from './rows.ts';

/** The goal from the issue: validateDefinition under this many milliseconds for a 500-field form. */
const GOAL_MS = 1;

/** Runs one part in a new Node process (with this one's loader flags), relays its table, returns its result. */
function runPart(file: string): Record<string, number> {
  const script = fileURLToPath(new URL(file, import.meta.url));
  const child = spawnSync(process.execPath, [...process.execArgv, script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) fail(`${file} failed (exit ${child.status})`);
  const lines = child.stdout.trimEnd().split('\n');
  const result = lines.pop() ?? '';
  if (!result.startsWith(RESULT_PREFIX)) fail(`${file} printed no result`);
  console.log(lines.join('\n'));
  return JSON.parse(result.slice(RESULT_PREFIX.length)) as Record<string, number>;
}

const { value, leaves } = benchmarkForm();
const { rules = [], computed = [], validations = [] } = value;
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `Definition validation benchmark — Node ${process.version}, ${cpu}, ${os.cpus().length} cores, ` +
    `load average ${load()}; ${CLOCK === 'cpu' ? 'CPU time of each process (CLOCK=cpu)' : 'wall-clock time'}\n`,
);
console.log(
  `Form: ${leaves} fields (18 sections of 3 columns, 2 groups, 4 repeating tables), ` +
    `${Object.keys(value.layout.nodes).length} layout nodes, ${rules.length} rules, ` +
    `${computed.length} computed fields, ${validations.length} validations; ` +
    `${Math.round(JSON.stringify(value).length / 1024)} KB of JSON.\n`,
);

console.log('(a) A process that validates definitions it has never seen, as the server does:\n');
const cold = runPart('./coldPart.ts');
console.log("\n(b) A process that follows a designer's edits, as the designer's browser tab does:\n");
const designer = runPart('./designerPart.ts');

const ms = (n: number | undefined) => (n ?? Number.NaN).toFixed(3);
const verdict = (n: number | undefined) => ((n ?? Number.POSITIVE_INFINITY) < GOAL_MS ? 'met' : 'NOT met');
console.log(`\nvalidateDefinition / plain ajv: ${((cold.cold ?? 0) / (cold.plain ?? 1)).toFixed(2)}×`);
console.log(
  `Goal: validateDefinition under ${GOAL_MS} ms for a 500-field form (medians of ${RUNS} runs; load average now ${load()}):\n` +
    `  (a) cold, a definition never seen before: ${ms(cold.cold)} ms — ${verdict(cold.cold)} ` +
    `(JSON.parse of the text alone: ${ms(cold.parse)} ms; in the designer's process: ${ms(designer.coldHere)} ms)\n` +
    `  (b) the designer's case, after each edit (slowest edit kind): ${ms(designer.worst)} ms — ${verdict(designer.worst)}`,
);
