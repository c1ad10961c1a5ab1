import type { LocalizedMessage } from '@formboard/formula';
import type { Dialect } from '../dialect/Dialect.ts';
import { notFound, StoreError } from '../errors.ts';
import { deliverInbox, type EffectRow, insertRun, parkRun, type RunRow, toEffect, toRun } from './rows.ts';
import type { NewRun, StepOutcome, WorkflowEffect, WorkflowRun } from './types.ts';

/** Workflow runs, their side effects by idempotency key, and inbox delivery. */
export class WorkflowRuns {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  /** Starts a run; a second start with the same workflow and event key returns the first run, `created` false. */
  async start(run: NewRun): Promise<{ run: WorkflowRun; created: boolean }> {
    const stored = await this.db.transaction((tx) => insertRun(tx, run, this.now()));
    return { run: stored, created: stored.id === run.id };
  }

  async get(id: string): Promise<WorkflowRun> {
    const [row] = await this.db.query<RunRow>('SELECT * FROM workflow_runs WHERE id = ?', [id]);
    if (!row) throw notFound(`workflow run ${id}`);
    return toRun(row);
  }

  /** Runs with a step to do, oldest first: what a restarted engine resumes. */
  async active(limit = 100): Promise<WorkflowRun[]> {
    const rows = await this.db.query<RunRow>(
      "SELECT * FROM workflow_runs WHERE status = 'running' ORDER BY started_at, id LIMIT ?",
      [limit],
    );
    return rows.map(toRun);
  }

  /** Runs of a workflow, oldest first. */
  async list(workflowId: string): Promise<WorkflowRun[]> {
    const rows = await this.db.query<RunRow>(
      'SELECT * FROM workflow_runs WHERE workflow_id = ? ORDER BY started_at, id',
      [workflowId],
    );
    return rows.map(toRun);
  }

  /**
   * Records a side effect as pending before it happens; when the key is already recorded, returns
   * that effect as it stands (its first payload, and whether it is done) without changing it.
   */
  async beginEffect(effect: Omit<WorkflowEffect, 'status' | 'result'>): Promise<WorkflowEffect> {
    await this.db.run(
      `INSERT INTO workflow_effects (key, run_id, step_id, kind, payload, status, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (key) DO NOTHING`,
      [effect.key, effect.runId, effect.stepId, effect.kind, JSON.stringify(effect.payload), this.now()],
    );
    return (await this.effect(effect.key)) as WorkflowEffect;
  }

  /** The effect recorded under an idempotency key, if any. */
  async effect(key: string): Promise<WorkflowEffect | undefined> {
    const [row] = await this.db.query<EffectRow>('SELECT * FROM workflow_effects WHERE key = ?', [key]);
    return row ? toEffect(row) : undefined;
  }

  /**
   * Moves a run past the step at `fromSeq` in one transaction: marks the step's effect done (recording
   * it if it was not), writes its inbox messages, and points the run at the next step. A run that is no
   * longer at `fromSeq` was advanced by someone else: a conflict, and nothing is written.
   */
  async advance(runId: string, fromSeq: number, outcome: StepOutcome): Promise<void> {
    await this.db.transaction(async (tx) => {
      const at = this.now();
      const ended = outcome.status !== 'running';
      const moved = await tx.run(
        `UPDATE workflow_runs SET status = ?, step_id = ?, step_seq = step_seq + 1, error = ?, updated_at = ?,
           finished_at = ? WHERE id = ? AND step_seq = ? AND status = 'running'`,
        [
          outcome.status,
          ended ? null : outcome.stepId,
          outcome.error ? JSON.stringify(outcome.error) : null,
          at,
          ended ? at : null,
          runId,
          fromSeq,
        ],
      );
      if (moved.changes !== 1) {
        throw new StoreError('conflict', {
          'zh-CN': `流程运行 ${runId} 已被推进`,
          en: `workflow run ${runId} was advanced meanwhile`,
        });
      }
      const effect = outcome.effect;
      if (!effect) return;
      const result = JSON.stringify(effect.result ?? null);
      await tx.run(
        `INSERT INTO workflow_effects (key, run_id, step_id, kind, payload, status, result, created_at, done_at)
         VALUES (?, ?, ?, ?, ?, 'done', ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET status = 'done', result = excluded.result, done_at = excluded.done_at`,
        [effect.key, runId, effect.stepId, effect.kind, JSON.stringify(effect.payload), result, at, at],
      );
      const [run] = await tx.query<{ workflow_id: string }>(
        'SELECT workflow_id FROM workflow_runs WHERE id = ?',
        [runId],
      );
      await deliverInbox(
        tx,
        effect.key,
        { runId, workflowId: run?.workflow_id ?? '' },
        outcome.inbox ?? [],
        at,
      );
    });
  }

  /**
   * Parks a running run at its step (`fromSeq`) until `wakeAt`, or until something else wakes it (an
   * approval's decision). False when the run is no longer running at that step.
   */
  async park(runId: string, fromSeq: number, wakeAt: string | null): Promise<boolean> {
    return (await this.db.transaction((tx) => parkRun(tx, runId, fromSeq, wakeAt, this.now()))) === 1;
  }

  /**
   * Puts waiting runs back to work: those whose wake time has come, and those at an approval that was
   * decided (normally the decision does that itself; this catches a decision that raced the run's
   * parking). Returns how many woke.
   */
  async wake(now: string): Promise<number> {
    const woken = await this.db.run(
      `UPDATE workflow_runs SET status = 'running', wake_at = NULL, updated_at = ?
       WHERE status = 'waiting' AND ((wake_at IS NOT NULL AND wake_at <= ?) OR EXISTS (
         SELECT 1 FROM workflow_approvals a WHERE a.run_id = workflow_runs.id
           AND a.step_seq = workflow_runs.step_seq AND a.status <> 'pending'))`,
      [now, now],
    );
    return woken.changes;
  }

  /** Notes a transient problem on a running run (an outbound call that failed); the run stays where it is. */
  async noteError(runId: string, error: LocalizedMessage): Promise<void> {
    await this.db.run(
      "UPDATE workflow_runs SET error = ?, updated_at = ? WHERE id = ? AND status = 'running'",
      [JSON.stringify(error), this.now(), runId],
    );
  }

  /** The record a workflow step created, found by the actor it wrote as (recovery after a crash). */
  async recordCreatedBy(formId: string, actor: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ id: string }>(
      'SELECT id FROM records WHERE form_id = ? AND created_by = ? ORDER BY created_at LIMIT 1',
      [formId, actor],
    );
    return row?.id;
  }
}
