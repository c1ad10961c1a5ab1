/**
 * bench/server import memory: the peak RSS of committing a CSV of check-ins through the import's
 * code, at two sizes, each in a fresh process, on SQLite and PostgreSQL; then the largest again with
 * V8's heap capped (`--max-old-space-size`), which a commit that keeps its rows cannot finish; then
 * the largest with `--invalid` percent of its rows bad, committed `skipInvalid` (the valid rows
 * written, the rejected ones handed back as CSV in the answer), uncapped and capped. See
 * bench/server/README.md ("Import memory").
 *
 * `cd bench && npx tsx server/importMemory.ts [--rows=10000,100000] [--dialects=sqlite,postgres] [--heap-mb=64] [--invalid=50] [--only=valid|invalid]`
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freshPostgresDatabase } from '../../packages/storage/tests/support/databases.ts';
import { startPostgresCluster } from '../../packages/storage/tests/support/postgresCluster.ts';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = (option('rows') ?? '10000,100000').split(',').map(Number);
const DIALECTS = (option('dialects') ?? 'sqlite,postgres').split(',');
// Goal: the largest file commits with V8's heap capped at this many MB (a commit whose memory grows
// with the file runs out of heap; one that streams does not).
const HEAP_MB = Number(option('heap-mb') ?? 64);
// The skipInvalid variant: this percentage of the largest file's rows is bad (0 = no such variant).
const INVALID = Number(option('invalid') ?? 50);
// Run only the all-valid runs or only the skipInvalid ones (default both).
const ONLY = option('only');
const TSX = join(import.meta.dirname, '../node_modules/.bin/tsx');
const MB = 1024 * 1024;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const mb = (bytes: number) => (bytes / MB).toFixed(0);
const count = (n: number) => n.toLocaleString('en-US');

/**
 * A CSV of weekly check-ins as HR would export it: a header with the form's labels, then `rows` rows,
 * `invalidPercent` of them (spread evenly) with a progress that is not a number.
 */
function checkinsCsv(rows: number, invalidPercent = 0): string {
  const lines = ['周,目标完成度（%）,说明'];
  const monday = Date.UTC(2026, 0, 5);
  for (let i = 0; i < rows; i++) {
    const week = new Date(monday + (i % 52) * 7 * 86_400_000).toISOString().slice(0, 10);
    const bad = (i * invalidPercent) % 100 < invalidPercent;
    lines.push(`${week},${bad ? '约八成' : i % 101},第 ${i} 条：产线换型后良率回升`);
  }
  return `${lines.join('\n')}\n`;
}

type Measured = {
  rows: number;
  inserted: number;
  invalid: number;
  answerBytes: number;
  seconds: number;
  rssBefore: number;
  peakRss: number;
  peakHeap: number;
};
type Run = { rows: number; invalid: number; heapMb: number | undefined };

/** Runs importChild.ts in a process of its own (its heap capped to `heapMb` when given). */
async function measure(database: string, file: string, { invalid, heapMb }: Run): Promise<Measured | Error> {
  const env = heapMb ? { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMb}` } : process.env;
  const onInvalid = invalid > 0 ? 'skipInvalid' : 'rejectAll';
  try {
    const { stdout } = await promisify(execFile)(
      TSX,
      [join(import.meta.dirname, 'importChild.ts'), database, file, onInvalid],
      {
        maxBuffer: 16 * MB,
        env,
      },
    );
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Measured;
  } catch (error) {
    return error as Error;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'formboard-bench-import-'));
const cluster = DIALECTS.includes('postgres') ? await startPostgresCluster({ fsync: true }) : undefined;
let failed = false;
try {
  const largest = Math.max(...SIZES);
  const runs: Run[] = [
    ...(ONLY === 'invalid'
      ? []
      : [
          ...SIZES.map((rows) => ({ rows, invalid: 0, heapMb: undefined })),
          { rows: largest, invalid: 0, heapMb: HEAP_MB },
        ]),
    ...(ONLY === 'valid' || INVALID === 0
      ? []
      : [
          { rows: largest, invalid: INVALID, heapMb: undefined },
          { rows: largest, invalid: INVALID, heapMb: HEAP_MB },
        ]),
  ];
  const files = new Map<string, string>();
  const fileFor = ({ rows, invalid }: Run) => {
    const name = `checkins-${rows}-${invalid}.csv`;
    if (!files.has(name)) {
      writeFileSync(join(dir, name), checkinsCsv(rows, invalid));
      files.set(name, join(dir, name));
    }
    return files.get(name) ?? '';
  };
  console.log(
    `Import memory: commit of a CSV of check-ins (rejectAll; skipInvalid when rows are bad); load average ${load()}`,
  );
  console.log(
    '| database | rows | bad rows | heap cap | inserted | answer MB | seconds | RSS before MB | peak RSS MB | peak − before MB | peak heap MB |',
  );
  console.log(
    '| -------- | ---: | -------: | -------: | -------: | --------: | ------: | ------------: | ----------: | ---------------: | -----------: |',
  );
  for (const dialect of DIALECTS) {
    for (const run of runs) {
      const { rows, invalid, heapMb } = run;
      const database =
        dialect === 'postgres' && cluster
          ? await freshPostgresDatabase(cluster.url)
          : join(dir, `${rows}-${invalid}-${heapMb ?? 0}.db`);
      const measured = await measure(database, fileFor(run), run);
      const cap = heapMb ? `${heapMb} MB` : '—';
      const bad = `${invalid} %`;
      if (measured instanceof Error) {
        const stderr = String((measured as Error & { stderr?: string }).stderr ?? '');
        // Out of heap, or the first line naming an error (the last is Node's version banner).
        const reason = /heap out of memory/.test(stderr)
          ? 'ran out of heap'
          : (stderr.split('\n').find((line) => /error/i.test(line)) ?? stderr.trim().split('\n').at(-1));
        console.log(`| ${dialect} | ${count(rows)} | ${bad} | ${cap} | failed: ${reason} | | | | | | |`);
        failed = true;
        continue;
      }
      if (measured.inserted + measured.invalid !== rows) failed = true;
      console.log(
        `| ${dialect} | ${count(rows)} | ${bad} | ${cap} | ${count(measured.inserted)} | ${(measured.answerBytes / MB).toFixed(1)} | ${measured.seconds.toFixed(1)} | ${mb(measured.rssBefore)} | ${mb(measured.peakRss)} | ${mb(measured.peakRss - measured.rssBefore)} | ${mb(measured.peakHeap)} |`,
      );
    }
  }
  console.log(
    `goal: ${count(largest)} rows commit with V8's heap capped at ${HEAP_MB} MB (${DIALECTS.join(', ')}${INVALID > 0 && ONLY !== 'valid' ? `; also with ${INVALID} % of them rejected` : ''}): ${failed ? 'NOT met' : 'met'}; load average ${load()}`,
  );
} finally {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
