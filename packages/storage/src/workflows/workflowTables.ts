// The workflow engine's tables. JSON travels as TEXT on both databases: the engine reads these rows
// whole and never queries inside them.
//
// - workflow_runs: one row per run; (workflow_id, event_key) is unique, so a duplicate event starts
//   no second run. step_id/step_seq say where the run stands; every step advances step_seq.
// - workflow_effects: one row per side effect, keyed by its idempotency key, written before an
//   outbound call and marked done after it (or written done in the same transaction as an inbox
//   message), so a restart knows what already happened.
// - workflow_inbox: in-app messages; the id derives from the effect key and the recipient.
// - workflow_metric_cursors: the last period each metric-streak workflow has judged.
// - workflow_streaks: runs of bad periods per workflow and group; ended_period is set when it ends.
// - workflow_alerts: alerts opened by streaks, with who acknowledged them and how fast.
export const workflowTables = [
  `CREATE TABLE workflow_runs (
    id TEXT PRIMARY KEY, workflow_id TEXT NOT NULL, workflow_version INTEGER NOT NULL,
    event_key TEXT NOT NULL, status TEXT NOT NULL, step_id TEXT, step_seq INTEGER NOT NULL,
    context TEXT NOT NULL, error TEXT, started_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    finished_at TEXT, UNIQUE (workflow_id, event_key))`,
  'CREATE INDEX workflow_runs_by_status ON workflow_runs (status, started_at)',
  `CREATE TABLE workflow_effects (
    key TEXT PRIMARY KEY, run_id TEXT NOT NULL REFERENCES workflow_runs(id), step_id TEXT NOT NULL,
    kind TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, result TEXT,
    created_at TEXT NOT NULL, done_at TEXT)`,
  `CREATE TABLE workflow_inbox (
    id TEXT PRIMARY KEY, effect_key TEXT NOT NULL, user_id TEXT NOT NULL, workflow_id TEXT NOT NULL,
    run_id TEXT NOT NULL, subject TEXT, message TEXT NOT NULL, alert_id TEXT,
    created_at TEXT NOT NULL, read_at TEXT)`,
  'CREATE INDEX workflow_inbox_by_user ON workflow_inbox (user_id, created_at)',
  `CREATE TABLE workflow_metric_cursors (
    workflow_id TEXT PRIMARY KEY, last_period TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  `CREATE TABLE workflow_streaks (
    workflow_id TEXT NOT NULL, group_key TEXT NOT NULL, first_period TEXT NOT NULL,
    last_period TEXT NOT NULL, bad_periods INTEGER NOT NULL, fired_run_id TEXT,
    ended_period TEXT, ended_at TEXT, PRIMARY KEY (workflow_id, group_key, first_period))`,
  `CREATE TABLE workflow_alerts (
    id TEXT PRIMARY KEY, workflow_id TEXT NOT NULL, run_id TEXT NOT NULL, group_key TEXT NOT NULL,
    first_period TEXT NOT NULL, assignee_id TEXT, opened_at TEXT NOT NULL, acknowledged_at TEXT,
    acknowledged_by TEXT, seconds_to_acknowledge INTEGER, closed_at TEXT, closed_by TEXT,
    closed_reason TEXT, UNIQUE (workflow_id, group_key, first_period))`,
  'CREATE INDEX workflow_alerts_by_assignee ON workflow_alerts (assignee_id, opened_at)',
];
