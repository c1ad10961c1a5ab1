import { randomUUID } from 'node:crypto';
import type { LocalizedMessage } from '@formboard/formula';
import type { Alert, WorkflowRun } from '@formboard/storage';
import { WorkflowDefinitions } from './definitions.ts';
import { advanceRun, type RunnerDeps } from './runner.ts';
import { StepFailed } from './steps/StepFailed.ts';
import { judgeMetricStreak } from './triggers/metricStreak.ts';
import { planRecordRuns, type RecordChange } from './triggers/recordTrigger.ts';
import type { WorkflowEngineOptions } from './types.ts';

/** What one tick did. */
export interface TickReport {
  /** Runs that metric streaks started in this tick. */
  readonly started: readonly string[];
  /** Runs walked forward (new and resumed), as they stand after the tick. */
  readonly runs: readonly WorkflowRun[];
  /** Workflows whose metric could not be judged, and why. */
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

  constructor(private readonly options: WorkflowEngineOptions) {
    this.newId = options.newId ?? randomUUID;
    this.deps = {
      store: options.store,
      clock: options.clock,
      outbound: options.outbound,
      definitions: new WorkflowDefinitions(options.store),
      maxSteps: options.maxStepsPerAdvance ?? 200,
    };
  }

  /**
   * Starts the runs a committed record change triggers (one per workflow and record revision, however
   * often the change is delivered) and walks them forward. Returns the runs it started or found.
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
      const { run, created } = await this.options.store.workflows.runs.start({
        id,
        workflowId: plan.workflow.id,
        workflowVersion: plan.workflow.version,
        eventKey: plan.eventKey,
        stepId: plan.workflow.definition.start,
        context: {
          ...plan.context,
          variables: { ...plan.context.variables, run: { id, startedAt: now.toISOString() } },
        },
      });
      runs.push(created ? await advanceRun(this.deps, run.id) : run);
    }
    return runs;
  }

  /**
   * One scheduler tick: judges the closed periods of every published metric-streak workflow (starting
   * the runs streaks fire, closing alerts of streaks that ended), then walks every unfinished run
   * forward — new ones, and ones a crash or a failed outbound call left behind.
   */
  async tick(): Promise<TickReport> {
    const now = this.options.clock.now();
    const started: string[] = [];
    const problems: { workflowId: string; error: LocalizedMessage }[] = [];
    for (const workflow of await this.deps.definitions.published()) {
      if (workflow.definition.trigger.type !== 'metricStreak') continue;
      try {
        started.push(
          ...(await judgeMetricStreak(this.options.store, workflow, now, {
            newId: this.newId,
            startedAt: now.toISOString(),
            assigneeOf: async (group) =>
              (await this.options.store.people.supervisorOf(group).catch(() => undefined))?.id ?? null,
          })),
        );
      } catch (error) {
        if (!(error instanceof StepFailed) && !(error instanceof Error)) throw error;
        const messages =
          error instanceof StepFailed ? error.messages : { 'zh-CN': error.message, en: error.message };
        problems.push({ workflowId: workflow.id, error: messages });
      }
    }
    const runs: WorkflowRun[] = [];
    for (const run of await this.options.store.workflows.runs.active(1000))
      runs.push(await advanceRun(this.deps, run.id));
    return { started, runs, problems };
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
