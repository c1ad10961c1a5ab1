/**
 * Cold `validateDefinition` in a process that has also run the designer's memoizing validator, as
 * run.ts's process has: the two share code, and what the memo keeps alive changes how V8 compiles and
 * allocates for the cold path (see README, "Where the cold time went"). A diagnostic:
 * `cd bench && npx tsx schema/mixed.ts [schema package folder …]` — for each folder (default: this
 * workspace's packages/schema), a memoizing validator of that version follows 900 edits, then cold
 * validations of every version are timed in turn, interleaved, in CPU time (median of `ROUNDS`, 9).
 * `NOSESS=1` skips the edits (a process that only validates cold).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsedCopies } from './copies.ts';
import { addOrRemoveField, changeFormula, changeLabel } from './edits.ts';
import { makeForm } from './makeForm.ts';

type Validate = (doc: unknown) => { ok: boolean };

/** A version's cold validator, after its memoizing validator followed the edits. */
async function coldValidatorOf(root: string, form: Record<string, unknown>): Promise<Validate> {
  const load = async (path: string) => (await import(pathToFileURL(`${root}/src/${path}`).href)) as unknown;
  const { validateDefinition } = (await load('validate/validateDefinition.ts')) as {
    validateDefinition: Validate;
  };
  const { createDefinitionValidator } = (await load('validate/createDefinitionValidator.ts')) as {
    createDefinitionValidator: () => Validate;
  };
  if (!process.env.NOSESS) {
    for (const edit of [changeLabel, changeFormula, addOrRemoveField]) {
      const validate = createDefinitionValidator();
      let doc = form;
      for (let k = 0; k < 300; k++) {
        doc = edit(doc, k);
        if (!validate(doc).ok) throw new Error(`${root}: an edited version was rejected`);
      }
    }
  }
  return validateDefinition;
}

/** Milliseconds of CPU time (this process, all threads) per cold validation, over `n` calls. */
function time(validate: Validate, docs: readonly unknown[], n: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    if (!validate(docs[i % docs.length]).ok) throw new Error('the benchmark form is invalid');
  }
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e3 / n;
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const roots = process.argv.slice(2).map((dir) => resolve(dir));
  if (roots.length === 0) roots.push(new URL('../../packages/schema', import.meta.url).pathname);
  const form = makeForm();
  const docs = parsedCopies(form);
  const versions: Validate[] = [];
  for (const root of roots) versions.push(await coldValidatorOf(root, form));
  for (const validate of versions) time(validate, docs, 1500);
  const times: number[][] = versions.map(() => []);
  const rounds = Number(process.env.ROUNDS ?? 9);
  for (let r = 0; r < rounds; r++) {
    versions.forEach((validate, v) => {
      times[v]?.push(time(validate, docs, 300));
    });
  }
  console.log(`| version | cold ms (CPU)${process.env.NOSESS ? '' : ', after 900 memoized edits'} |`);
  console.log('| --- | ---: |');
  roots.forEach((root, v) => {
    console.log(`| ${root} | ${median(times[v] ?? []).toFixed(3)} |`);
  });
}

await main();
