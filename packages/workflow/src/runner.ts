import type { StepOutcome, Store, WorkflowRun } from '@formboard/storage';
import { StoreError } from '@formboard/storage';
import type { WorkflowDefinitions } from './definitions.ts';
import type { RunContext } from './runScope.ts';
import { executeStep } from './steps/executeStep.ts';
import type { StepResult } from './steps/StepContext.ts';
import { StepFailed } from './steps/StepFailed.ts';
import type { Clock, OutboundPort } from './types.ts';

/** What advancing runs needs. */
export interface RunnerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly outbound: OutboundPort;
  readonly definitions: WorkflowDefinitions;
  readonly maxSteps: number;
}

function failed(messages: StepFailed['messages']): StepOutcome {
  return { stepId: null, status: 'failed', error: messages };
}

/**
 * Walks a run forward, one persisted step at a time, until it ends, hits a transient problem (noted on
 * the run, retried on the next tick) or takes `maxSteps`. Always with the definition version the run
 * started with. Returns the run as it stands.
 */
export async function advanceRun(deps: RunnerDeps, runId: string): Promise<WorkflowRun> {
  const runs = deps.store.workflows.runs;
  let run = await runs.get(runId);
  for (let taken = 0; run.status === 'running' && taken < deps.maxSteps; taken++) {
    const definition = await deps.definitions.version(run.workflowId, run.workflowVersion);
    const step = definition.steps.find((s) => s.id === run.stepId);
    let outcome: StepResult;
    if (!step) {
      outcome = failed({ 'zh-CN': `找不到步骤 ${run.stepId}`, en: `step ${run.stepId} does not exist` });
    } else {
      try {
        outcome = await executeStep(step, {
          store: deps.store,
          clock: deps.clock,
          outbound: deps.outbound,
          run,
          context: run.context as unknown as RunContext,
          effectKey: `${run.id}/${run.stepSeq}/${step.id}`,
        });
      } catch (error) {
        if (!(error instanceof StepFailed)) {
          const text = error instanceof Error ? error.message : String(error);
          await runs.noteError(run.id, {
            'zh-CN': `步骤 ${step.id} 暂时失败：${text}`,
            en: `step ${step.id} failed for now: ${text}`,
          });
          return runs.get(run.id);
        }
        outcome = failed(error.messages);
      }
    }
    // The step left the run waiting (and persisted that itself): a decision or its wake time resumes it.
    if ('parked' in outcome) return runs.get(run.id);
    try {
      await runs.advance(run.id, run.stepSeq, outcome);
    } catch (error) {
      // Another engine moved the run past this step: it owns the rest.
      if (error instanceof StoreError && error.code === 'conflict') return runs.get(run.id);
      throw error;
    }
    run = await runs.get(run.id);
  }
  return run;
}
