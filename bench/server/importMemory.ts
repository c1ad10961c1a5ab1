/**
 * bench/server import memory: the peak RSS of committing a CSV of check-ins through the import's
 * code, at two sizes, each in a fresh process, on SQLite and PostgreSQL; then the largest again with
 * V8's heap capped (`--max-old-space-size`), which a commit that keeps its rows cannot finish. See
 * bench/server/README.md ("Import memory").
 *
 * `cd bench && npx tsx server/importMemory.ts [--rows=10000,100000] [--dialects=sqlite,postgres] [--heap-mb=64]`
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
const TSX = join(import.meta.dirname, '../node_modules/.bin/tsx');
const MB = 1024 * 1024;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const mb = (bytes: number) => (bytes / MB).toFixed(0);
const count = (n: number) => n.toLocaleString('en-US');

/** A CSV of weekly check-ins as HR would export it: a header with the form's labels, then `rows` rows. */
function checkinsCsv(rows: number): string {
  const lines = ['周,目标完成度（%）,说明'];
  const monday = Date.UTC(2026, 0, 5);
  for (let i = 0; i < rows; i++) {
    const week = new Date(monday + (i % 52) * 7 * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${week},${i % 101},第 ${i} 条：产线换型后良率回升`);
  }
  return `${lines.join('\n')}\n`;
}

type Measured = { rows: number; inserted: number; seconds: number; rssBefore: number; peakRss: number };

/** Runs importChild.ts in a process of its own (its heap capped to `heapMb` when given). */
async function measure(
  database: string,
  file: string,
  heapMb: number | undefined,
): Promise<Measured | Error> {
  const env = heapMb ? { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMb}` } : process.env;
  try {
    const { stdout } = await promisify(execFile)(
      TSX,
      [join(import.meta.dirname, 'importChild.ts'), database, file],
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
  const files = new Map(
    SIZES.map((rows) => {
      const file = join(dir, `checkins-${rows}.csv`);
      writeFileSync(file, checkinsCsv(rows));
      return [rows, file] as const;
    }),
  );
  const largest = Math.max(...SIZES);
  console.log(`Import memory: commit (rejectAll) of a CSV of check-ins; load average ${load()}`);
  console.log(
    '| database | rows | heap cap | inserted | seconds | RSS before MB | peak RSS MB | peak − before MB |',
  );
  console.log(
    '| -------- | ---: | -------: | -------: | ------: | ------------: | ----------: | ---------------: |',
  );
  for (const dialect of DIALECTS) {
    const runs = [...SIZES.map((rows) => ({ rows, heapMb: undefined })), { rows: largest, heapMb: HEAP_MB }];
    for (const { rows, heapMb } of runs) {
      const database =
        dialect === 'postgres' && cluster
          ? await freshPostgresDatabase(cluster.url)
          : join(dir, `${rows}-${heapMb ?? 0}.db`);
      const run = await measure(database, files.get(rows) ?? '', heapMb);
      const cap = heapMb ? `${heapMb} MB` : '—';
      if (run instanceof Error) {
        const stderr = String((run as Error & { stderr?: string }).stderr ?? '');
        const reason = /heap out of memory/.test(stderr)
          ? 'ran out of heap'
          : stderr.trim().split('\n').at(-1);
        console.log(`| ${dialect} | ${count(rows)} | ${cap} | failed: ${reason} | | | | |`);
        failed = true;
        continue;
      }
      if (run.inserted !== rows) failed = true;
      console.log(
        `| ${dialect} | ${count(rows)} | ${cap} | ${count(run.inserted)} | ${run.seconds.toFixed(1)} | ${mb(run.rssBefore)} | ${mb(run.peakRss)} | ${mb(run.peakRss - run.rssBefore)} |`,
      );
    }
  }
  console.log(
    `goal: ${count(largest)} rows commit with V8's heap capped at ${HEAP_MB} MB (${DIALECTS.join(', ')}): ${failed ? 'NOT met' : 'met'}; load average ${load()}`,
  );
} finally {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
