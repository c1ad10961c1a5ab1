import { createHash } from 'node:crypto';
import type { RetryPolicy } from './types.ts';

/** The default retry policy: 10 tries, waits of 30 s doubling up to 1 h — about 3 hours in all. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 10, firstDelayMs: 30_000, maxDelayMs: 3_600_000 };

/**
 * How long to wait after the `attempt`-th failure (1 = the first) of the effect `key`: doubling from
 * `firstDelayMs`, capped at `maxDelayMs`, spread by ± 20 % so that runs failing together (a receiver
 * that was down) do not all come back at the same instant. The spread comes from the key and the
 * attempt, not a random number, so the same failure always waits the same time.
 */
export function retryDelay(policy: RetryPolicy, key: string, attempt: number): number {
  const base = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempt - 1));
  const spread = createHash('sha256').update(`${key}#${attempt}`).digest().readUInt32BE(0) / 2 ** 32;
  return Math.round(base * (0.8 + 0.4 * spread));
}
