/**
 * Machine instructions per cold `validateDefinition` of the benchmark form, for two (or more) versions
 * of @formboard/schema: `npx tsx schema/instructions.ts <schema folder> <schema folder> …` (folders as
 * for steps.ts). A diagnostic for changes too small for this shared machine's clocks: wall-clock and
 * CPU times of the same code move by 10–15% between runs here, instruction counts by about 0.5%.
 *
 * Each version runs under valgrind's cachegrind (instruction counting only, `--cache-sim=no`) with V8
 * on one thread (`--single-threaded`: no background compiling or collecting), twice — 200 and 2,200
 * calls after the same 1,000-call warm-up — and the difference over 2,000 calls is its count per call.
 * All the runs start together: V8's collector sizes itself by the time it measures, and valgrind
 * slows everything, so counts from runs at different times can differ by 10%; runs side by side
 * compare. Memory stalls are not counted: a change that moves fewer bytes may do better than its
 * count says. Needs valgrind; takes about five minutes for two versions.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parsedCopies } from './copies.ts';
import { makeForm } from './makeForm.ts';

const WARM_UP = 1000;
const FEW = 200;
const MANY = 2200;

/** In a child: `calls` cold validations after the warm-up (the count is valgrind's, of the whole run). */
async function child(folder: string, calls: number): Promise<void> {
  const url = pathToFileURL(`${folder}/src/validate/validateDefinition.ts`).href;
  const { validateDefinition } = (await import(url)) as {
    validateDefinition: (d: unknown) => { ok: boolean };
  };
  const docs = parsedCopies(makeForm());
  for (let i = 0; i < WARM_UP + calls; i++) {
    if (!validateDefinition(docs[i % docs.length]).ok) throw new Error('the benchmark form is invalid');
  }
}

/** The instructions valgrind counted for a whole child run. */
function counted(folder: string, calls: number): Promise<number> {
  const args = [
    '--tool=cachegrind',
    '--cache-sim=no',
    '--cachegrind-out-file=/dev/null',
    process.execPath,
    '--single-threaded',
    ...process.execArgv,
    fileURLToPath(import.meta.url),
    '--child',
    folder,
    String(calls),
  ];
  return new Promise((done, fail) => {
    const run = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    run.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    run.on('error', () => fail(new Error('valgrind is needed (apt-get install valgrind)')));
    run.on('close', (status) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr)?.[1];
      if (status !== 0 || refs === undefined) fail(new Error(`${folder}: ${stderr.slice(-2000)}`));
      else done(Number(refs.replaceAll(',', '')));
    });
  });
}

async function main(): Promise<void> {
  const folders = process.argv.slice(2).map((folder) => resolve(folder));
  if (folders.length < 2) throw new Error('usage: instructions.ts <schema folder> <schema folder> …');
  const perCall = await Promise.all(
    folders.map(async (folder) => {
      const [few, many] = await Promise.all([counted(folder, FEW), counted(folder, MANY)]);
      return (many - few) / (MANY - FEW);
    }),
  );
  folders.forEach((folder, i) => {
    const count = perCall[i] ?? Number.NaN;
    const ratio = count / (perCall[0] ?? 1);
    console.log(`${folder}: ${(count / 1e6).toFixed(3)} M instructions per call (${ratio.toFixed(3)}×)`);
  });
}

if (process.argv[2] === '--child') await child(resolve(process.argv[3] ?? ''), Number(process.argv[4]));
else await main();
