// Leases, retries and concurrency (store migration 9), so several engine processes on one database
// share the work and each step, schedule occurrence and metric period is done by one of them:
// - workflow_runs.lease_holder / lease_until: the engine walking a run holds it until then; another
//   engine takes a running run only when it has no lease or the lease ran out (its holder died).
//   Counting a workflow's leased runs is its concurrency (`concurrency.maxRuns`).
// - workflow_runs.attempts: how many times the run's current step failed for now (an outbound call
//   that did not go through); the run waits (wake_at) with backoff, and 0 again when it moves on.
// - workflow_leases: named leases for the rest of the engine's work — one schedule or metric-streak
//   workflow's trigger (`trigger:<workflow>`), late approvals (`approvals`) — and the row a claim
//   locks to count a workflow's running runs (`concurrency:<workflow>`).
export const workflowLeaseTables = [
  'ALTER TABLE workflow_runs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0',
  'ALTER TABLE workflow_runs ADD COLUMN lease_holder TEXT',
  'ALTER TABLE workflow_runs ADD COLUMN lease_until TEXT',
  'CREATE INDEX workflow_runs_by_lease ON workflow_runs (workflow_id, lease_until)',
  `CREATE TABLE workflow_leases (
    name TEXT PRIMARY KEY, holder TEXT NOT NULL, until TEXT NOT NULL, updated_at TEXT NOT NULL)`,
];
