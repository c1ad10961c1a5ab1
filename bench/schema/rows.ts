// How the definition validation benchmark times its rows (both parts, see run.ts): each row is
// calibrated to about RUN_MS per run, warmed up, then timed RUNS times interleaved with the other rows
// of its part; the median is reported.
import { now } from './clock.ts';

/** Times each measurement is repeated; the median is reported. */
export const RUNS = 7;
/** Each timed run lasts about this long (the number of calls is calibrated to it). */
const RUN_MS = 400;
/** Warm-up before timing, per row. */
const WARMUP_MS = 1000;

/** One row of a table: times `n` calls, returning the nanoseconds taken (it stops the run if a call fails). */
export interface Row {
  readonly name: string;
  readonly what: string;
  readonly time: (n: number) => number;
}

/** Stops the benchmark with a message (a row that gets a wrong answer measures nothing). */
export function fail(text: string): never {
  console.error(text);
  process.exit(1);
}

/** A row calling `valid` over the copies; every call must answer true. */
export function copiesRow(
  name: string,
  what: string,
  docs: readonly unknown[],
  valid: (doc: unknown) => boolean,
): Row {
  return {
    name,
    what,
    time: (n) => {
      let count = 0;
      const start = now();
      for (let i = 0, j = 0; i < n; i++) {
        if (valid(docs[j])) count++;
        if (++j === docs.length) j = 0;
      }
      const ns = now() - start;
      if (count !== n) fail(`${name} rejected the form (${count} of ${n} valid)`);
      return ns;
    },
  };
}

/** The middle value. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Milliseconds per call of each row: calibrated, warmed up, RUNS runs interleaved, median. */
export function measure(rows: readonly Row[]): number[] {
  const calls = rows.map((row) => {
    let n = 10;
    let elapsed = row.time(n);
    while (elapsed < 50e6) {
      n *= 2;
      elapsed = row.time(n);
    }
    const perCall = elapsed / n;
    row.time(Math.ceil((WARMUP_MS * 1e6) / perCall));
    return Math.max(1, Math.round((RUN_MS * 1e6) / perCall));
  });
  const runs: number[][] = rows.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    rows.forEach((row, i) => {
      const n = calls[i] ?? 1;
      runs[i]?.push(row.time(n) / n / 1e6);
    });
  }
  return runs.map(median);
}

/** A Markdown table; `right` says which columns are right-aligned. */
export function table(rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (right[c] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The table of a part's rows with their medians. */
export function resultTable(rows: readonly Row[], ms: readonly number[]): string {
  const lines = rows.map((row, i) => {
    const t = ms[i] ?? Number.NaN;
    return [row.name, row.what, t.toFixed(3), Math.round(1000 / t).toLocaleString('en-US')];
  });
  return table(
    [['validator', 'scenario: what it checks', 'ms/call', 'calls/s'], ...lines],
    [false, false, true, true],
  );
}

/** The line a part prints last, read by run.ts for the verdict. */
export const RESULT_PREFIX = 'RESULT ';
