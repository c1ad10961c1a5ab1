import type { LocalizedMessage } from '@formboard/formula';
import type { Dialect } from '../dialect/Dialect.ts';
import { notFound, StoreError } from '../errors.ts';
import {
  deliverInbox,
  type EffectRow,
  insertRun,
  parkRun,
  type RunRow,
  toEffect,
  toRun,
  writeOne,
} from './rows.ts';
import type { NewRun, RunClaim, RunLeaseGrant, StepOutcome, WorkflowEffect, WorkflowRun } from './types.ts';

/** Workflow runs, their side effects by idempotency key, and inbox delivery. */
export class WorkflowRuns {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  /**
   * Starts a run; a second start with the same workflow and event key returns the first run, `created`
   * false. With `lease`, a new run starts leased to that engine (it walks it without claiming it).
   */
  async start(run: NewRun, lease?: RunLeaseGrant): Promise<{ run: WorkflowRun; created: boolean }> {
    const stored = await this.db.transaction((tx) => insertRun(tx, run, this.now(), lease));
    return { run: stored, created: stored.id === run.id };
  }

  async get(id: string): Promise<WorkflowRun> {
    const [row] = await this.db.query<RunRow>('SELECT * FROM workflow_runs WHERE id = ?', [id]);
    if (!row) throw notFound(`workflow run ${id}`);
    return toRun(row);
  }

  /**
   * Runs with a step to do, oldest first: what a restarted engine resumes. With `unleasedAt`, only
   * those nobody holds a lease on at that instant (free to claim); with `workflowId`, of one workflow.
   */
  async active(
    limit = 100,
    options: { readonly unleasedAt?: string; readonly workflowId?: string } = {},
  ): Promise<WorkflowRun[]> {
    const where = ["status = 'running'"];
    const params: unknown[] = [];
    if (options.workflowId !== undefined) {
      where.push('workflow_id = ?');
      params.push(options.workflowId);
    }
    if (options.unleasedAt !== undefined) {
      where.push('(lease_until IS NULL OR lease_until <= ?)');
      params.push(options.unleasedAt);
    }
    const rows = await this.db.query<RunRow>(
      `SELECT * FROM workflow_runs WHERE ${where.join(' AND ')} ORDER BY started_at, id LIMIT ?`,
      [...params, limit],
    );
    return rows.map(toRun);
  }

  /**
   * Takes a running run for one engine until `claim.until`: refused (false) while another engine
   * holds an unexpired lease on it, when it is not running, or — with `maxRuns` — while that many
   * runs of its workflow are leased (its concurrency limit; the run then waits its turn). Claims of
   * one workflow are serialised by a row lock, so two processes cannot both take the last slot.
   */
  async claim(runId: string, claim: RunClaim): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (claim.maxRuns !== undefined) {
        const [run] = await tx.query<{ workflow_id: string }>(
          'SELECT workflow_id FROM workflow_runs WHERE id = ?',
          [runId],
        );
        if (!run) return false;
        await tx.run(
          `INSERT INTO workflow_leases (name, holder, until, updated_at) VALUES (?, '', '', ?)
           ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at`,
          [`concurrency:${run.workflow_id}`, this.now()],
        );
        const [leased] = await tx.query<{ n: number }>(
          'SELECT COUNT(*) AS n FROM workflow_runs WHERE workflow_id = ? AND lease_until > ? AND id <> ?',
          [run.workflow_id, claim.now, runId],
        );
        if (Number(leased?.n ?? 0) >= claim.maxRuns) return false;
      }
      const taken = await tx.run(
        `UPDATE workflow_runs SET lease_holder = ?, lease_until = ?
         WHERE id = ? AND status = 'running' AND (lease_until IS NULL OR lease_until <= ?)`,
        [claim.holder, claim.until, runId, claim.now],
      );
      return taken.changes === 1;
    });
  }

  /** Extends a lease its holder still has (nobody took the run over); false when it was lost. */
  async renew(runId: string, holder: string, until: string): Promise<boolean> {
    const renewed = await writeOne(
      this.db,
      'UPDATE workflow_runs SET lease_until = ? WHERE id = ? AND lease_holder = ?',
      [until, runId, holder],
    );
    return renewed.changes === 1;
  }

  /** Gives back every run lease a holder has: its previous life's, when a restarted engine keeps its name. */
  async releaseHeldBy(holder: string): Promise<number> {
    const released = await writeOne(
      this.db,
      'UPDATE workflow_runs SET lease_holder = NULL, lease_until = NULL WHERE lease_holder = ?',
      [holder],
    );
    return released.changes;
  }

  /** Gives a run's lease back (only its holder can). */
  async release(runId: string, holder: string): Promise<void> {
    await writeOne(
      this.db,
      'UPDATE workflow_runs SET lease_holder = NULL, lease_until = NULL WHERE id = ? AND lease_holder = ?',
      [runId, holder],
    );
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
    return this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO workflow_effects (key, run_id, step_id, kind, payload, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (key) DO NOTHING`,
        [effect.key, effect.runId, effect.stepId, effect.kind, JSON.stringify(effect.payload), this.now()],
      );
      const [row] = await tx.query<EffectRow>('SELECT * FROM workflow_effects WHERE key = ?', [effect.key]);
      return toEffect(row as EffectRow);
    });
  }

  /** The effect recorded under an idempotency key, if any. */
  async effect(key: string): Promise<WorkflowEffect | undefined> {
    const [row] = await this.db.query<EffectRow>('SELECT * FROM workflow_effects WHERE key = ?', [key]);
    return row ? toEffect(row) : undefined;
  }

  /**
   * Moves a run past the step at `fromSeq` in one transaction: marks the step's effect done (recording
   * it if it was not), writes its inbox messages, and points the run at the next step (a run that ends
   * gives up its lease). A run that is no longer at `fromSeq` was advanced by someone else: a
   * conflict, and nothing is written. Returns the run as it now stands.
   */
  async advance(runId: string, fromSeq: number, outcome: StepOutcome): Promise<WorkflowRun> {
    return this.advanceSteps(runId, fromSeq, [outcome]);
  }

  /**
   * Moves a run past several steps done one after the other from `fromSeq`, as `advance` does for
   * each, in one transaction: all of them, or (on a conflict) none.
   */
  async advanceSteps(runId: string, fromSeq: number, outcomes: readonly StepOutcome[]): Promise<WorkflowRun> {
    const [only] = outcomes;
    // One step without inbox messages (an outbound call's, marked done as soon as its answer is in)
    // is one statement on PostgreSQL: one round trip where a transaction takes four, which keeps the
    // time between a receiver's answer and the durable mark short.
    if (this.db.name === 'postgres' && outcomes.length === 1 && only && !only.inbox?.length)
      return toRun(await advanceInOneStatement(this.db, runId, fromSeq, only, this.now()));
    return this.db.transaction(async (tx) => {
      const at = this.now();
      let moved: RunRow | undefined;
      for (const [i, outcome] of outcomes.entries())
        moved = await advanceOne(tx, runId, fromSeq + i, outcome, at);
      if (!moved) throw new StoreError('invalid', { 'zh-CN': '没有要推进的步骤', en: 'no step to advance' });
      return toRun(moved);
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
    const woken = await writeOne(
      this.db,
      `UPDATE workflow_runs SET status = 'running', wake_at = NULL, updated_at = ?
       WHERE status = 'waiting' AND ((wake_at IS NOT NULL AND wake_at <= ?) OR EXISTS (
         SELECT 1 FROM workflow_approvals a WHERE a.run_id = workflow_runs.id
           AND a.step_seq = workflow_runs.step_seq AND a.status <> 'pending'))`,
      [now, now],
    );
    return woken.changes;
  }

  /**
   * Notes a step that failed for now (an outbound call that did not go through) and parks the run at
   * that step until `retryAt`, counting the attempt; the step is done again then, with the same effect
   * key. False when the run is no longer running at `fromSeq`.
   */
  async retryLater(
    runId: string,
    fromSeq: number,
    retryAt: string,
    error: LocalizedMessage,
  ): Promise<boolean> {
    const parked = await writeOne(
      this.db,
      `UPDATE workflow_runs SET status = 'waiting', wake_at = ?, error = ?, attempts = attempts + 1, updated_at = ?,
         lease_holder = NULL, lease_until = NULL WHERE id = ? AND step_seq = ? AND status = 'running'`,
      [retryAt, JSON.stringify(error), this.now(), runId, fromSeq],
    );
    return parked.changes === 1;
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

// Moves the run past one step, when it is still running at `fromSeq`: the statement and its values.
function moveRun(runId: string, fromSeq: number, outcome: StepOutcome, at: string) {
  const ended = outcome.status !== 'running';
  return {
    sql: `UPDATE workflow_runs SET status = ?, step_id = ?, step_seq = step_seq + 1, attempts = 0, error = ?,
       updated_at = ?, finished_at = ?, lease_holder = CASE WHEN ? THEN NULL ELSE lease_holder END,
       lease_until = CASE WHEN ? THEN NULL ELSE lease_until END
     WHERE id = ? AND step_seq = ? AND status = 'running' RETURNING *`,
    params: [
      outcome.status,
      ended ? null : outcome.stepId,
      outcome.error ? JSON.stringify(outcome.error) : null,
      at,
      ended ? at : null,
      ended,
      ended,
      runId,
      fromSeq,
    ],
  };
}

// Records a step's effect done (inserted, or the pending one marked): the statement's head and tail,
// with its values (`VALUES` or `SELECT`) in between.
const EFFECT_DONE_INTO = `INSERT INTO workflow_effects
  (key, run_id, step_id, kind, payload, status, result, created_at, done_at)`;
const EFFECT_DONE_CONFLICT = `ON CONFLICT (key) DO UPDATE
  SET status = 'done', result = excluded.result, done_at = excluded.done_at`;

function movedMeanwhile(runId: string): StoreError {
  return new StoreError('conflict', {
    'zh-CN': `流程运行 ${runId} 已被推进`,
    en: `workflow run ${runId} was advanced meanwhile`,
  });
}

// One step of `advanceSteps`, in its transaction.
async function advanceOne(
  tx: Dialect,
  runId: string,
  fromSeq: number,
  outcome: StepOutcome,
  at: string,
): Promise<RunRow> {
  const move = moveRun(runId, fromSeq, outcome, at);
  const [moved] = await tx.query<RunRow>(move.sql, move.params);
  if (!moved) throw movedMeanwhile(runId);
  const effect = outcome.effect;
  if (effect) {
    const result = JSON.stringify(effect.result ?? null);
    await tx.run(`${EFFECT_DONE_INTO} VALUES (?, ?, ?, ?, ?, 'done', ?, ?, ?) ${EFFECT_DONE_CONFLICT}`, [
      effect.key,
      runId,
      effect.stepId,
      effect.kind,
      JSON.stringify(effect.payload),
      result,
      at,
      at,
    ]);
    await deliverInbox(tx, effect.key, { runId, workflowId: moved.workflow_id }, outcome.inbox ?? [], at);
  }
  return moved;
}

// `advanceOne` without inbox messages as one PostgreSQL statement (atomic by itself): the run's
// update, and the effect's row written only when the run moved.
async function advanceInOneStatement(
  db: Dialect,
  runId: string,
  fromSeq: number,
  outcome: StepOutcome,
  at: string,
): Promise<RunRow> {
  const move = moveRun(runId, fromSeq, outcome, at);
  const effect = outcome.effect;
  const [moved] = effect
    ? await db.query<RunRow>(
        `WITH moved AS (${move.sql}), done AS (
           ${EFFECT_DONE_INTO} SELECT ?, id, ?, ?, ?, 'done', ?, ?, ? FROM moved ${EFFECT_DONE_CONFLICT})
         SELECT * FROM moved`,
        [
          ...move.params,
          effect.key,
          effect.stepId,
          effect.kind,
          JSON.stringify(effect.payload),
          JSON.stringify(effect.result ?? null),
          at,
          at,
        ],
      )
    : await db.query<RunRow>(move.sql, move.params);
  if (!moved) throw movedMeanwhile(runId);
  return moved;
}
