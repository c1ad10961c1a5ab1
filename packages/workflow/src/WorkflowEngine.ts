import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { LocalizedMessage } from '@formboard/formula';
import type { Alert, WorkflowRun } from '@formboard/storage';
import { handleOverdueApprovals } from './approvals/overdueApprovals.ts';
import { type PublishedWorkflow, WorkflowDefinitions } from './definitions.ts';
import { RunLease, withLease } from './leases.ts';
import { mapLimited } from './mapLimited.ts';
import { DEFAULT_RETRY } from './retryDelay.ts';
import { advanceRun, type RunnerDeps } from './runner.ts';
import { StepFailed } from './steps/StepFailed.ts';
import { judgeMetricStreak } from './triggers/metricStreak.ts';
import { type DrainReport, RecordEventPump } from './triggers/recordEventPump.ts';
import { planRecordRuns, type RecordChange, runOf } from './triggers/recordTrigger.ts';
import { fireSchedule } from './triggers/scheduleTrigger.ts';
import type { Approval, WorkflowEngineOptions } from './types.ts';

/** What one tick did. */
export interface TickReport {
  /** Runs that schedules and metric streaks started in this tick. */
  readonly started: readonly string[];
  /** Runs walked forward (new and resumed), as they stand after the tick. */
  readonly runs: readonly WorkflowRun[];
  /** Workflows whose schedule or metric could not be handled, and why. */
  readonly problems: readonly { readonly workflowId: string; readonly error: LocalizedMessage }[];
}

/**
 * The workflow engine: starts runs from record changes and metric streaks, and walks runs forward one
 * persisted step at a time. It keeps nothing in memory that a restart would need: `tick()` after a
 * crash resumes every unfinished run where its last persisted step left it.
 */
export class WorkflowEngine {
  private readonly deps: RunnerDeps;
  private readonly newId: () => string;
  private readonly pump: RecordEventPump;

  constructor(private readonly options: WorkflowEngineOptions) {
    this.newId = options.newId ?? randomUUID;
    this.deps = {
      store: options.store,
      clock: options.clock,
      outbound: options.outbound,
      definitions: new WorkflowDefinitions(options.store),
      maxSteps: options.maxStepsPerAdvance ?? 200,
      holder: options.holder ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
      leaseMs: options.leaseMs ?? 60_000,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      walking: new Set(),
    };
    this.pump = new RecordEventPump(this.deps, {
      batch: options.eventBatch ?? 200,
      parallelism: options.eventParallelism ?? 256,
      newId: this.newId,
    });
  }

  /** This engine's name in the database's leases. */
  get holder(): string {
    return this.deps.holder;
  }

  /**
   * Gives back the leases this engine's `holder` name still has. Only for a name that stays the same
   * across restarts of one process (a node name) and no other live engine uses: what it holds was held
   * by its crashed predecessor, and goes on at once instead of after the leases run out.
   */
  async reclaim(): Promise<number> {
    await this.options.store.workflows.leases.releaseHeldBy(this.deps.holder);
    return this.options.store.workflows.runs.releaseHeldBy(this.deps.holder);
  }

  /**
   * Takes the record changes waiting in the store's outbox — every committed record write leaves one
   * there, in its own transaction — starts the runs they trigger (each change exactly once, across
   * all engines on the database; a record's changes in order) and walks them. A change made by a
   * workflow step starts nothing. Call it whenever a change may have been committed (the server does
   * on its event bus, and `tick()` does): a call while draining makes the drain look again, and
   * resolves when it has nothing left to take and every run it started was walked.
   */
  drainRecordEvents(): Promise<DrainReport> {
    return this.pump.drain();
  }

  /**
   * Starts the runs a committed record change triggers (one per workflow and record revision, however
   * often the change is delivered) and walks them forward. Returns the runs it started or found. The
   * outbox (`drainRecordEvents`) delivers every change by itself; this is for callers that hold one
   * change in hand (it may then be started by whichever comes first, once).
   */
  async recordChanged(change: RecordChange): Promise<WorkflowRun[]> {
    const now = this.options.clock.now();
    const plans = await planRecordRuns(
      this.options.store,
      await this.deps.definitions.published(),
      change,
      now,
    );
    const runs: WorkflowRun[] = [];
    for (const plan of plans) {
      const id = this.newId();
      // Without a concurrency limit the run starts leased to this engine: no separate claim.
      const lease = plan.workflow.definition.concurrency ? undefined : RunLease.grant(this.deps, id);
      const { run, created } = await this.options.store.workflows.runs.start(
        runOf(plan, id, now),
        lease?.written,
      );
      runs.push(created ? await advanceRun(this.deps, run.id, lease && { run, lease }) : run);
    }
    return runs;
  }

  /**
   * One scheduler tick: takes the record changes waiting in the outbox (`drainRecordEvents`), fires the due occurrence of every published schedule workflow, judges the
   * closed periods of every metric-streak workflow (starting the runs streaks fire, closing alerts of
   * streaks that ended), reminds and escalates late approvals, wakes waiting runs whose time has
   * come (waits, retries), then walks every running run no engine holds forward — new ones, and ones
   * a crash or a failed outbound call left behind. With several engines on one database, each
   * trigger and the late approvals are handled under a lease by one engine at a time, and each run
   * by the engine that claimed it.
   */
  async tick(): Promise<TickReport> {
    // Events a wake-up missed (a crash, a lost notification) are taken here. A drain already running
    // is only told to look again: under a steady stream it never ends, and the tick must go on.
    if (this.pump.draining)
      this.pump.drain().catch(() => undefined); // its starter hears failures
    else await this.drainRecordEvents();
    const now = this.options.clock.now();
    const started: string[] = [];
    const problems: { workflowId: string; error: LocalizedMessage }[] = [];
    const timed = (await this.deps.definitions.published()).filter(
      (w) => w.definition.trigger.type !== 'record',
    );
    const parallelism = this.options.tickParallelism ?? 8;
    await mapLimited(timed, parallelism, async (workflow) => {
      try {
        const fired = await withLease(this.deps, `trigger:${workflow.id}`, () =>
          this.fireTrigger(workflow, now),
        );
        started.push(...(fired ?? []));
      } catch (error) {
        if (!(error instanceof StepFailed) && !(error instanceof Error)) throw error;
        const messages =
          error instanceof StepFailed ? error.messages : { 'zh-CN': error.message, en: error.message };
        problems.push({ workflowId: workflow.id, error: messages });
      }
    });
    await withLease(this.deps, 'approvals', () => handleOverdueApprovals(this.deps, now));
    const at = now.toISOString();
    await this.options.store.workflows.runs.wake(at);
    const due = await this.options.store.workflows.runs.active(1000, { unleasedAt: at });
    const runs = await mapLimited(due, this.options.tickParallelism ?? 8, (run) =>
      advanceRun(this.deps, run.id),
    );
    return { started, runs, problems };
  }

  // The runs a tick's triggers start: metric streaks judge their closed periods, schedules fire.
  private async fireTrigger(workflow: PublishedWorkflow, now: Date): Promise<string[]> {
    switch (workflow.definition.trigger.type) {
      case 'metricStreak':
        return judgeMetricStreak(this.options.store, workflow, now, {
          newId: this.newId,
          startedAt: now.toISOString(),
          assigneeOf: async (group) =>
            (await this.options.store.people.supervisorOf(group).catch(() => undefined))?.id ?? null,
        });
      case 'schedule': {
        const runId = await fireSchedule(this.options.store, workflow, now, this.newId);
        return runId === null ? [] : [runId];
      }
      case 'record':
        return [];
    }
  }

  /**
   * Records an assignee's decision on an approval task and, when that settles it (a rejection; the
   * first approval in `any` mode; the last in `all`; one by whom it escalated to), walks the run on to
   * the step's approve or reject branch. Exactly once: deciding again, or a second process deciding
   * the same task, is refused with a `state` StoreError and moves nothing.
   */
  async decide(
    approvalId: string,
    userId: string,
    decision: 'approve' | 'reject',
    comment?: string,
  ): Promise<Approval> {
    const approval = await this.options.store.workflows.approvals.decide({
      approvalId,
      userId,
      decision,
      ...(comment === undefined ? {} : { comment }),
    });
    if (approval.status !== 'pending') await advanceRun(this.deps, approval.runId);
    return approval;
  }

  /** Records that a supervisor saw an alert (from the inbox or a robot message's link). */
  acknowledgeAlert(alertId: string, userId: string): Promise<Alert> {
    return this.options.store.workflows.alerts.acknowledge(alertId, userId);
  }
}

/** Creates the engine over a store, a clock and the outbound port. */
export function createWorkflowEngine(options: WorkflowEngineOptions): WorkflowEngine {
  return new WorkflowEngine(options);
}
