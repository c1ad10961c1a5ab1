import type { LocalizedMessage } from '@formboard/formula';
import type { Dialect } from '../dialect/Dialect.ts';
import type { NewRun, RunStatus, WorkflowEffect, WorkflowRun } from './types.ts';

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
