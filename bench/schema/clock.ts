// The benchmark's clock. Wall-clock time by default; `CLOCK=cpu` reads this process's CPU time
// instead (user + system, all its threads), which the other work on a shared machine does not
// inflate: on a 2-core machine at load 8, wall-clock times come out 2–3× longer than on an idle one.

/** Which clock `now` reads. */
export const CLOCK: 'wall' | 'cpu' = process.env.CLOCK === 'cpu' ? 'cpu' : 'wall';

/** Nanoseconds on the benchmark's clock, from an arbitrary origin. */
export const now: () => number =
  CLOCK === 'cpu'
    ? () => {
        const { user, system } = process.cpuUsage();
        return (user + system) * 1000;
      }
    : () => Number(process.hrtime.bigint());
