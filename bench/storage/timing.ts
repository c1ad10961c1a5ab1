/** Milliseconds `work` takes, by `process.hrtime.bigint()`. */
export async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Wall-clock and this process's CPU milliseconds over `runs` runs of `work`, the median of each. On a
 * machine shared with other work, wall time waits for a core and CPU time does not; for PostgreSQL the
 * CPU time is the client's only (decoding rows, hashing), not the server's.
 */
export async function timeRuns(
  runs: number,
  work: () => Promise<unknown>,
): Promise<{ ms: number; cpuMs: number }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpu = process.cpuUsage();
    walls.push(await timeMs(work));
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  return { ms: median(walls), cpuMs: median(cpus) };
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
