/** How the server runs its workflow engine: tick interval, lease length, node name. */
export interface WorkflowSettings {
  /** How often the scheduler ticks (schedules, metric streaks, late approvals, waits, retries). */
  readonly tickMs: number;
  /** How long a lease on a run or trigger lasts: after a crash, the work moves on once it ran out. */
  readonly leaseMs: number;
  /**
   * This server's stable, unique name among the servers on the database, if given: its leases carry
   * it, and after a crash its restart takes back at once what it held. Without it, a random name.
   */
  readonly node?: string;
  /** How many days a record event waits in the outbox for an engine before it is dropped (14). */
  readonly outboxRetentionDays: number;
}

// Two weeks: a server that ran without workflows over the Spring Festival or National Day holidays
// still starts the runs of every change on its return.
const DEFAULTS: WorkflowSettings = { tickMs: 60_000, leaseMs: 60_000, outboxRetentionDays: 14 };

// A positive whole number from the environment, or undefined when unset or not one.
function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/**
 * The settings from the environment — `FORMBOARD_WORKFLOW_TICK_MS` and `FORMBOARD_WORKFLOW_LEASE_MS`
 * (both default 60,000), `FORMBOARD_WORKFLOW_NODE`, `FORMBOARD_OUTBOX_RETENTION_DAYS` (14) — where
 * the caller gave none. Shorter leases let
 * another process take over a crashed one's work sooner; a lease must stay well above an outbound
 * call's 10-second timeout.
 */
export function workflowSettings(
  given: Partial<WorkflowSettings>,
  env: NodeJS.ProcessEnv = process.env,
): WorkflowSettings {
  const node = given.node ?? (env.FORMBOARD_WORKFLOW_NODE || undefined);
  return {
    tickMs: given.tickMs ?? positiveInt(env.FORMBOARD_WORKFLOW_TICK_MS) ?? DEFAULTS.tickMs,
    leaseMs: given.leaseMs ?? positiveInt(env.FORMBOARD_WORKFLOW_LEASE_MS) ?? DEFAULTS.leaseMs,
    outboxRetentionDays:
      given.outboxRetentionDays ??
      positiveInt(env.FORMBOARD_OUTBOX_RETENTION_DAYS) ??
      DEFAULTS.outboxRetentionDays,
    ...(node === undefined ? {} : { node }),
  };
}
