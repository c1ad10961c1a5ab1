/**
 * How many times each size is measured. A round loads every library's page three times (key presses,
 * submit of valid data, submit of 10%-invalid data; see collect.ts); the libraries take turns within a
 * round, in alternating order, so a slow patch of the machine is shared out. 2,000 fields get fewer
 * rounds to keep a whole run under 10 minutes on 2 cores.
 */
import type { Size } from '../model.ts';

export interface SizePlan {
  readonly size: Size;
  /** Rounds that are measured. */
  readonly rounds: number;
  /** Rounds run first and thrown away (JIT, code cache, fixtures in the HTTP cache). */
  readonly warmupRounds: number;
  /** Measured key presses per type session (so rounds × this in all). */
  readonly keysPerSession: number;
  /** Key presses thrown away at the start of each type session. */
  readonly warmupKeys: number;
}

export const PLANS: readonly SizePlan[] = [
  { size: 100, rounds: 4, warmupRounds: 1, keysPerSession: 8, warmupKeys: 2 },
  { size: 500, rounds: 4, warmupRounds: 0, keysPerSession: 8, warmupKeys: 2 },
  { size: 2000, rounds: 3, warmupRounds: 0, keysPerSession: 8, warmupKeys: 2 },
];

export function describePlan(plan: SizePlan): string {
  const warm = plan.warmupRounds > 0 ? ` after ${plan.warmupRounds} warm-up round` : '';
  return (
    `${plan.rounds} rounds${warm}: ${plan.rounds * 2} mounts, ${plan.rounds} submits of each data set, ` +
    `${plan.rounds * plan.keysPerSession} key presses (${plan.warmupKeys} warm-up presses per page) per library`
  );
}
