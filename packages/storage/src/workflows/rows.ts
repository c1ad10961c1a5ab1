import type { LocalizedMessage } from '@formboard/formula';
import type { Dialect } from '../dialect/Dialect.ts';
import type { InboxDelivery, NewRun, RunStatus, WorkflowEffect, WorkflowRun } from './types.ts';

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

/**
 * Inserts a run unless the workflow already has one for the event key; returns the run that holds the
 * key (the new one, or the one a duplicate event started first).
 */
export async function insertRun(tx: Dialect, run: NewRun, at: string): Promise<WorkflowRun> {
  await tx.run(
    `INSERT INTO workflow_runs (id, workflow_id, workflow_version, event_key, status, step_id, step_seq,
       context, started_at, updated_at) VALUES (?, ?, ?, ?, 'running', ?, 0, ?, ?, ?)
     ON CONFLICT (workflow_id, event_key) DO NOTHING`,
    [
      run.id,
      run.workflowId,
      run.workflowVersion,
      run.eventKey,
      run.stepId,
      JSON.stringify(run.context),
      at,
      at,
    ],
  );
  const [row] = await tx.query<RunRow>(
    'SELECT * FROM workflow_runs WHERE workflow_id = ? AND event_key = ?',
    [run.workflowId, run.eventKey],
  );
  return toRun(row as RunRow);
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
 * step stays, so doing it again after waking finds what it recorded. Returns the rows changed (0 or 1).
 */
export async function parkRun(
  tx: Dialect,
  runId: string,
  fromSeq: number,
  wakeAt: string | null,
  at: string,
): Promise<number> {
  const parked = await tx.run(
    `UPDATE workflow_runs SET status = 'waiting', wake_at = ?, updated_at = ?
     WHERE id = ? AND step_seq = ? AND status = 'running'`,
    [wakeAt, at, runId, fromSeq],
  );
  return parked.changes;
}
