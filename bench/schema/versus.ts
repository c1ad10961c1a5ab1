/**
 * Cold `validateDefinition` of two (or more) versions of @formboard/schema, each in processes of its
 * own, alternated: `npx tsx schema/versus.ts <schema folder> <schema folder> [rounds]` (folders as for
 * steps.ts; default 6 rounds). Each process validates the benchmark form's 16 copies 3,000 times
 * after a warm-up and reports its CPU time per call; the means and the ratio to the first folder are
 * printed. A version loaded alone in a fresh process is the comparison that holds up best here: in
 * one process, what the first version leaves in the heap and the code caches changes the second's.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parsedCopies } from './copies.ts';
import { makeForm } from './makeForm.ts';

const CALLS = 3000;

/** In a child: the CPU milliseconds per cold call of the version in `folder`. */
async function child(folder: string): Promise<void> {
  const url = pathToFileURL(`${folder}/src/validate/validateDefinition.ts`).href;
  const { validateDefinition } = (await import(url)) as {
    validateDefinition: (d: unknown) => { ok: boolean };
  };
  const docs = parsedCopies(makeForm());
  for (let i = 0; i < 1500; i++) validateDefinition(docs[i % docs.length]);
  const start = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) {
    if (!validateDefinition(docs[i % docs.length]).ok) throw new Error('the benchmark form is invalid');
  }
  const { user, system } = process.cpuUsage(start);
  console.log(((user + system) / 1e3 / CALLS).toFixed(4));
}

function main(): void {
  const args = process.argv.slice(2);
  const rounds = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 6;
  const folders = args.map((folder) => resolve(folder));
  if (folders.length < 2) throw new Error('usage: versus.ts <schema folder> <schema folder> … [rounds]');
  const script = fileURLToPath(import.meta.url);
  const times: number[][] = folders.map(() => []);
  for (let r = 0; r < rounds; r++) {
    folders.forEach((folder, i) => {
      const run = spawnSync(process.execPath, [...process.execArgv, script, '--child', folder], {
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`${folder}: ${run.stderr}`);
      times[i]?.push(Number(run.stdout.trim()));
    });
    console.log(`round ${r + 1}: ${times.map((t) => t.at(-1)?.toFixed(3)).join(' / ')} ms`);
  }
  const means = times.map((t) => t.reduce((a, b) => a + b, 0) / t.length);
  folders.forEach((folder, i) => {
    const mean = means[i] ?? Number.NaN;
    console.log(`${folder}: ${mean.toFixed(3)} ms of CPU per call (${(mean / (means[0] ?? 1)).toFixed(2)}×)`);
  });
}

if (process.argv[2] === '--child') await child(resolve(process.argv[3] ?? ''));
else main();
