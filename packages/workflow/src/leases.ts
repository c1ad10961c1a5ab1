import type { Store } from '@formboard/storage';
import type { Clock } from './types.ts';

/** What taking leases needs: the store, the clock, who this engine is and how long a lease lasts. */
export interface LeaseDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly holder: string;
  readonly leaseMs: number;
}

/** The engine lost its lease on a run (it stalled past the lease and another engine took over). */
export class LeaseLost extends Error {
  constructor(runId: string) {
    super(`the lease on workflow run ${runId} was lost`);
    this.name = 'LeaseLost';
  }
}

/**
 * This engine's lease on one run: while it holds it, no other engine walks the run. `keep()` renews
 * it once less than half is left, so the time between a check and a side effect stays far inside it.
 */
export class RunLease {
  private constructor(
    private readonly deps: LeaseDeps,
    readonly runId: string,
    private until: number,
  ) {}

  /** A new lease for a run this engine is about to start (written with the run, no claim needed). */
  static grant(deps: LeaseDeps, runId: string): RunLease {
    return new RunLease(deps, runId, deps.clock.now().getTime() + deps.leaseMs);
  }

  /** The lease as the store writes it with a new run. */
  get written(): { holder: string; until: string } {
    return { holder: this.deps.holder, until: new Date(this.until).toISOString() };
  }

  /** Takes the run, or null when another engine holds it or its workflow is at `maxRuns`. */
  static async claim(deps: LeaseDeps, runId: string, maxRuns: number | undefined): Promise<RunLease | null> {
    const now = deps.clock.now().getTime();
    const until = now + deps.leaseMs;
    const claim = {
      holder: deps.holder,
      now: new Date(now).toISOString(),
      until: new Date(until).toISOString(),
      ...(maxRuns === undefined ? {} : { maxRuns }),
    };
    return (await deps.store.workflows.runs.claim(runId, claim)) ? new RunLease(deps, runId, until) : null;
  }

  /** Makes sure the lease is still held with at least half its time left; throws LeaseLost if not. */
  async keep(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    if (this.until - now > this.deps.leaseMs / 2) return;
    const until = now + this.deps.leaseMs;
    const renewed = await this.deps.store.workflows.runs.renew(
      this.runId,
      this.deps.holder,
      new Date(until).toISOString(),
    );
    if (!renewed) throw new LeaseLost(this.runId);
    this.until = until;
  }

  /** Gives the run back. */
  release(): Promise<void> {
    return this.deps.store.workflows.runs.release(this.runId, this.deps.holder);
  }
}

/**
 * Does `work` while holding the named lease, so one engine of several does it at a time; resolves
 * undefined without doing it when another engine holds the lease.
 */
export async function withLease<T>(
  deps: LeaseDeps,
  name: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const now = deps.clock.now().getTime();
  const leases = deps.store.workflows.leases;
  const until = new Date(now + deps.leaseMs).toISOString();
  if (!(await leases.acquire(name, deps.holder, new Date(now).toISOString(), until))) return undefined;
  try {
    return await work();
  } finally {
    await leases.release(name, deps.holder);
  }
}
