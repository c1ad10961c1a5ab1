/**
 * Where cold `validateDefinition` spends its time on the benchmark form, step by step: each step of its
 * pipeline timed alone over the same 16 copies as run.ts's cold row. A diagnostic: it reaches into
 * @formboard/schema's source files (not its public API) to call the steps one by one, so it breaks
 * when they are renamed. `cd bench && npx tsx schema/steps.ts [schema package folder …]` — with several
 * folders (default: this workspace's packages/schema), e.g. an older version extracted with
 * `git archive`, each step is timed in every version in turn, interleaved, so that the versions
 * compare under the same machine load. Times are CPU time (see `run`).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsedCopies } from './copies.ts';
import { makeForm } from './makeForm.ts';

type Json = Record<string, unknown>;
type Report = (...args: unknown[]) => void;
type Walk = (this: unknown, data: unknown, depth: number) => boolean;
type Load = (path: string) => Promise<Json>;

/** The "valid?" validator of the form schema with nothing remembered, in this version's API. */
async function formWalk(load: Load, schema: object): Promise<(doc: unknown) => boolean> {
  try {
    const { validatorsFor } = (await load('validate/validators.ts')) as {
      validatorsFor: (s: object) => { walk: Walk };
    };
    const { ONE_SHOT } = (await load('validate/schemaWalk.ts')) as { ONE_SHOT: unknown };
    const { walk } = validatorsFor(schema);
    return (doc) => walk.call(ONE_SHOT, doc, 0);
  } catch {
    // Before the validators were generated: compiled at run time by src/validate/ajv.ts.
    const { validatorsFor } = (await load('validate/ajv.ts')) as {
      validatorsFor: (s: object) => { isValid: (d: unknown) => boolean };
    };
    return validatorsFor(schema).isValid;
  }
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
}

/** How many calls of `step` take about 200 ms, after a 1 s warm-up. */
function calibrate(step: (doc: Json) => unknown, docs: readonly Json[]): number {
  let n = 10;
  while (run(step, docs, n) < 50) n *= 2;
  const perCall = run(step, docs, n) / n;
  run(step, docs, Math.ceil(1000 / perCall));
  return Math.max(1, Math.round(200 / perCall));
}

/**
 * Milliseconds of CPU time (user + system, this process) taken by `n` calls of `step` over the copies:
 * on this shared machine, time spent waiting for a core while other work runs is not counted.
 */
function run(step: (doc: Json) => unknown, docs: readonly Json[], n: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) step(docs[i % docs.length] as Json);
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e3;
}

/** The steps of one version of the package (its folder), as [name, step] pairs in a fixed order. */
async function stepsOf(root: string, docs: readonly Json[]): Promise<[string, (doc: Json) => unknown][]> {
  const load: Load = async (path) => (await import(pathToFileURL(`${root}/src/${path}`).href)) as Json;
  const { validateDefinition } = (await load('validate/validateDefinition.ts')) as {
    validateDefinition: (d: unknown) => { ok: boolean };
  };
  const { depthProblem } = (await load('validate/depthProblem.ts')) as {
    depthProblem: (d: unknown) => unknown;
  };
  const { migrate } = (await load('migrations/migrate.ts')) as { migrate: (d: unknown) => { ok: boolean } };
  const { formKind } = (await load('kinds/formKind.ts')) as {
    formKind: { schema: object; check: (f: Json, r: Report, c: object) => void };
  };
  const { indexFields } = (await load('fields/fieldIndex.ts')) as { indexFields: (d: unknown) => unknown };
  const { checkFormLayout } = (await load('kinds/checkFormLayout.ts')) as {
    checkFormLayout: (l: unknown, i: unknown, r: Report) => void;
  };
  const formulas = (await load('kinds/checkFormFormulas.ts')) as {
    FormulaChecks: new (index: unknown, memo: undefined) => unknown;
    checkRules: (f: Json, c: unknown, r: Report) => void;
    checkComputed: (f: Json, c: unknown, r: Report) => void;
    checkValidations: (f: Json, c: unknown, r: Report) => void;
  };
  const walk = await formWalk(load, formKind.schema);

  const fail = () => {
    throw new Error('the benchmark form has a problem');
  };
  if (!docs.every((doc) => validateDefinition(doc).ok && walk(doc))) fail();
  // Indexes made off the clock, for the steps that take one.
  const indexes = new Map(docs.map((doc) => [doc, indexFields(doc.data)]));

  return [
    ['validateDefinition (all of it)', (doc) => validateDefinition(doc).ok || fail()],
    ['depth guard', (doc) => depthProblem(doc) === undefined || fail()],
    ['migrate', (doc) => migrate(doc).ok || fail()],
    ['JSON Schema ("valid?")', (doc) => walk(doc) || fail()],
    ['meaning checks (all of them)', (doc) => formKind.check(doc, fail, {})],
    ['- indexFields', (doc) => indexFields(doc.data)],
    ['- layout', (doc) => checkFormLayout(doc.layout, indexes.get(doc), fail)],
    [
      '- formulas (rules, computed + cycles, validations)',
      (doc) => {
        const checks = new formulas.FormulaChecks(indexes.get(doc), undefined);
        formulas.checkRules(doc, checks, fail);
        formulas.checkComputed(doc, checks, fail);
        formulas.checkValidations(doc, checks, fail);
      },
    ],
  ];
}

/** `STEP=text` times only the steps whose name contains it; `ROUNDS=n` takes the median of n runs (7). */
const only = process.env.STEP ?? '';
const rounds = Number(process.env.ROUNDS ?? 7);

async function main(): Promise<void> {
  const roots = process.argv.slice(2).map((dir) => resolve(dir));
  if (roots.length === 0) roots.push(new URL('../../packages/schema', import.meta.url).pathname);
  const docs = parsedCopies(makeForm()) as Json[];
  const versions = await Promise.all(roots.map((root) => stepsOf(root, docs)));
  console.log(`| step | ${roots.join(' | ')} |\n| --- |${roots.map(() => ' ---: |').join('')}`);
  for (const [i, [name]] of (versions[0] ?? []).entries()) {
    if (!name.includes(only)) continue;
    const steps = versions.map((steps) => (steps[i] as [string, (doc: Json) => unknown])[1]);
    const calls = steps.map((step) => calibrate(step, docs));
    const times: number[][] = steps.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (const [v, step] of steps.entries()) {
        const n = calls[v] ?? 1;
        times[v]?.push(run(step, docs, n) / n);
      }
    }
    console.log(`| ${name} | ${times.map((t) => median(t).toFixed(3)).join(' | ')} |`);
  }
}

await main();
