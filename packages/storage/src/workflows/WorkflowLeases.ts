import type { Dialect } from '../dialect/Dialect.ts';
import { writeOne } from './rows.ts';

/**
 * Named leases in the database, so that of several engine processes one does a piece of shared work
 * (a schedule's or a metric streak's trigger, the late approvals) at a time. A lease runs out at its
 * `until`: a holder that died (kill -9, a lost machine) blocks the work only until then. Times are the
 * engine's clock (ISO text), passed in, so tests on a fake clock see leases run out too.
 */
export class WorkflowLeases {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  /** Takes the lease until `until` when nobody holds it or its lease ran out by `now`; false otherwise. */
  async acquire(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const taken = await writeOne(
      this.db,
      `INSERT INTO workflow_leases (name, holder, until, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until,
         updated_at = excluded.updated_at WHERE workflow_leases.until <= ?`,
      [name, holder, until, this.now(), now],
    );
    return taken.changes === 1;
  }

  /** Gives back every named lease a holder has (see `WorkflowRuns.releaseHeldBy`). */
  async releaseHeldBy(holder: string): Promise<void> {
    await writeOne(this.db, "UPDATE workflow_leases SET until = '' WHERE holder = ?", [holder]);
  }

  /** Gives the lease back (only its holder can), so the next process need not wait for it to run out. */
  async release(name: string, holder: string): Promise<void> {
    await writeOne(this.db, "UPDATE workflow_leases SET until = '' WHERE name = ? AND holder = ?", [
      name,
      holder,
    ]);
  }
}
