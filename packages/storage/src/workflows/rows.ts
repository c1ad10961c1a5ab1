import type { LocalizedMessage } from '@formboard/formula';
import type { Dialect } from '../dialect/Dialect.ts';
import type {
  InboxDelivery,
  NewRun,
  RunLeaseGrant,
  RunStatus,
  WorkflowEffect,
  WorkflowRun,
} from './types.ts';

export type RunRow = {
  id: string;
  workflow_id: string;
  workflow_version: number;
  event_key: string;
  status: RunStatus;
  step_id: string | null;
  step_seq: number;
  context: string;
  error: string | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  wake_at: string | null;
  attempts: number;
};

export const toRun = (row: RunRow): WorkflowRun => ({
  id: row.id,
  workflowId: row.workflow_id,
  workflowVersion: Number(row.workflow_version),
  eventKey: row.event_key,
  status: row.status,
  stepId: row.step_id,
  stepSeq: Number(row.step_seq),
  context: JSON.parse(row.context) as Record<string, unknown>,
  error: row.error ? (JSON.parse(row.error) as LocalizedMessage) : null,
  startedAt: row.started_at,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
  wakeAt: row.wake_at,
  attempts: Number(row.attempts ?? 0),
});

export type EffectRow = {
  key: string;
  run_id: string;
  step_id: string;
  kind: string;
  payload: string;
  status: 'pending' | 'done';
  result: string | null;
};

export const toEffect = (row: EffectRow): WorkflowEffect => ({
  key: row.key,
  runId: row.run_id,
  stepId: row.step_id,
  kind: row.kind,
  payload: JSON.parse(row.payload) as unknown,
  status: row.status,
  result: row.result === null ? null : (JSON.parse(row.result) as unknown),
});

// A new run's columns and values; `ON CONFLICT … DO NOTHING` keeps one run per workflow and event key.
const INSERT_RUN = `INSERT INTO workflow_runs (id, workflow_id, workflow_version, event_key, status, step_id,
  step_seq, context, started_at, updated_at, lease_holder, lease_until) VALUES `;
const RUN_TUPLE = "(?, ?, ?, ?, 'running', ?, 0, ?, ?, ?, ?, ?)";
const ON_RUN_CONFLICT = ' ON CONFLICT (workflow_id, event_key) DO NOTHING';

function runValues(run: NewRun, at: string, lease: RunLeaseGrant | undefined): unknown[] {
  return [
    run.id,
    run.workflowId,
    run.workflowVersion,
    run.eventKey,
    run.stepId,
    JSON.stringify(run.context),
    at,
    at,
    lease?.holder ?? null,
    lease?.until ?? null,
  ];
}

/**
 * Inserts a run unless the workflow already has one for the event key; returns the run that holds the
 * key (the new one, or the one a duplicate event started first). With `lease`, a new run is leased to
 * the engine starting it, which walks it at once without a claim of its own.
 */
export async function insertRun(
  tx: Dialect,
  run: NewRun,
  at: string,
  lease?: RunLeaseGrant,
): Promise<WorkflowRun> {
  await tx.run(INSERT_RUN + RUN_TUPLE + ON_RUN_CONFLICT, runValues(run, at, lease));
  const [row] = await tx.query<RunRow>(
    'SELECT * FROM workflow_runs WHERE workflow_id = ? AND event_key = ?',
    [run.workflowId, run.eventKey],
  );
  return toRun(row as RunRow);
}

// Runs per multi-row statement on PostgreSQL: 10 parameters each, far under its 65,535.
const RUNS_PER_STATEMENT = 500;

/**
 * Inserts many runs, skipping those whose workflow already has a run for their event key; returns
 * the runs inserted now (in no particular order). On PostgreSQL a few multi-row statements; on SQLite,
 * which has no round trips, one prepared single-row statement per run.
 */
export async function insertNewRuns(
  tx: Dialect,
  runs: readonly { readonly run: NewRun; readonly lease?: RunLeaseGrant | undefined }[],
  at: string,
): Promise<WorkflowRun[]> {
  const perStatement = tx.name === 'sqlite' ? 1 : RUNS_PER_STATEMENT;
  const inserted: WorkflowRun[] = [];
  for (let start = 0; start < runs.length; start += perStatement) {
    const chunk = runs.slice(start, start + perStatement);
    const rows = await tx.query<RunRow>(
      `${INSERT_RUN}${chunk.map(() => RUN_TUPLE).join(', ')}${ON_RUN_CONFLICT} RETURNING *`,
      chunk.flatMap(({ run, lease }) => runValues(run, at, lease)),
    );
    inserted.push(...rows.map(toRun));
  }
  return inserted;
}

/**
 * Writes inbox messages for an effect; each message's id is the effect key and the recipient, so
 * writing them again (a step done twice after a crash) adds nothing.
 */
export async function deliverInbox(
  tx: Dialect,
  effectKey: string,
  run: { readonly runId: string; readonly workflowId: string },
  messages: readonly InboxDelivery[],
  at: string,
): Promise<void> {
  for (const message of messages) {
    await tx.run(
      `INSERT INTO workflow_inbox (id, effect_key, user_id, workflow_id, run_id, subject, message, alert_id,
         approval_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      [
        `${effectKey}/${message.userId}`,
        effectKey,
        message.userId,
        run.workflowId,
        run.runId,
        message.subject ? JSON.stringify(message.subject) : null,
        JSON.stringify(message.message),
        message.alertId,
        message.approvalId ?? null,
        at,
      ],
    );
  }
}

/**
 * Parks a run that is running at step `fromSeq` (status 'waiting', and when it wakes by itself); the
 * step stays, so doing it again after waking finds what it recorded. Its lease ends: whoever finds it
 * running again claims it anew. Returns the rows changed (0 or 1).
 */
export async function parkRun(
  tx: Dialect,
  runId: string,
  fromSeq: number,
  wakeAt: string | null,
  at: string,
): Promise<number> {
  const parked = await tx.run(
    `UPDATE workflow_runs SET status = 'waiting', wake_at = ?, updated_at = ?, lease_holder = NULL,
       lease_until = NULL WHERE id = ? AND step_seq = ? AND status = 'running'`,
    [wakeAt, at, runId, fromSeq],
  );
  return parked.changes;
}

/**
 * Runs one writing statement. On SQLite it goes through a transaction, so it joins the dialect's
 * group commit: an autocommit statement would wait for an fsync of its own while holding up every
 * other write of the process. On PostgreSQL a single statement commits by itself, in one round trip.
 */
export function writeOne(db: Dialect, sql: string, params: readonly unknown[]): Promise<{ changes: number }> {
  return db.name === 'sqlite' ? db.transaction((tx) => tx.run(sql, params)) : db.run(sql, params);
}
