/**
 * A clock end-to-end tests can move: by default the real time; once set, the set instant plus the
 * real time elapsed since (so durations inside a step stay real). Only `formboard serve --demo
 * --test-clock` creates one, and never with NODE_ENV=production.
 */
export interface TestClock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
  /** Moves the clock to `at` (ms since the epoch), or back to the real time with null. */
  set(at: number | null): void;
}

/** A test clock that starts at the real time. */
export function createTestClock(realNow: () => number = Date.now): TestClock {
  let offset = 0;
  return {
    now: () => realNow() + offset,
    set(at) {
      offset = at === null ? 0 : at - realNow();
    },
  };
}

/** The one refusal: a production server never gets a movable clock. */
export function refuseInProduction(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production')
    throw new Error('the test clock is for end-to-end tests and is refused when NODE_ENV=production');
}
