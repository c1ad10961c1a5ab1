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

// Approvals, waits and schedules (store migration 8):
// - workflow_runs.wake_at: when a waiting run (status 'waiting') is due to go on by itself (a wait
//   step); a waiting approval run goes on when its approval is decided.
// - workflow_approvals: one row per approval task, keyed by the step's effect key, so doing the step
//   again after a crash finds the task instead of opening a second one. reminded_at / escalated_at
//   are set once, by the first tick past the due time / the escalation time.
// - workflow_approval_assignees: who may decide (the step's assignees, and who it escalated to), and
//   what each decided.
// - workflow_inbox.approval_id: the approval task an inbox message asks to decide.
// - workflow_schedule_cursors: the last cron occurrence each schedule workflow has handled.
export const workflowApprovalTables = [
  'ALTER TABLE workflow_runs ADD COLUMN wake_at TEXT',
  'CREATE INDEX workflow_runs_by_wake ON workflow_runs (status, wake_at)',
  'ALTER TABLE workflow_inbox ADD COLUMN approval_id TEXT',
  `CREATE TABLE workflow_approvals (
    id TEXT PRIMARY KEY, run_id TEXT NOT NULL REFERENCES workflow_runs(id), workflow_id TEXT NOT NULL,
    step_id TEXT NOT NULL, step_seq INTEGER NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL,
    title TEXT NOT NULL, record_id TEXT, due_at TEXT, escalate_at TEXT, reminded_at TEXT,
    escalated_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, decided_at TEXT)`,
  'CREATE INDEX workflow_approvals_by_status ON workflow_approvals (status, created_at)',
  `CREATE TABLE workflow_approval_assignees (
    approval_id TEXT NOT NULL REFERENCES workflow_approvals(id), user_id TEXT NOT NULL,
    source TEXT NOT NULL, decision TEXT, comment TEXT, decided_at TEXT,
    PRIMARY KEY (approval_id, user_id))`,
  'CREATE INDEX workflow_approval_assignees_by_user ON workflow_approval_assignees (user_id, decision)',
  `CREATE TABLE workflow_schedule_cursors (
    workflow_id TEXT PRIMARY KEY, last_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
];
