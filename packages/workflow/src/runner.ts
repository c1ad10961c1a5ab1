import type { StepOutcome, WorkflowRun } from '@formboard/storage';
import { StoreError } from '@formboard/storage';
import type { WorkflowDefinitions } from './definitions.ts';
import { type LeaseDeps, LeaseLost, RunLease } from './leases.ts';
import { retryDelay } from './retryDelay.ts';
import type { RunContext } from './runScope.ts';
import { executeStep } from './steps/executeStep.ts';
import type { StepResult } from './steps/StepContext.ts';
import { StepFailed } from './steps/StepFailed.ts';
import type { OutboundPort, RetryPolicy } from './types.ts';

/** What advancing runs needs. */
export interface RunnerDeps extends LeaseDeps {
  readonly outbound: OutboundPort;
  readonly definitions: WorkflowDefinitions;
  readonly maxSteps: number;
  readonly retry: RetryPolicy;
  /**
   * The runs this engine is walking now. Its leases all carry one holder name, so the database
   * cannot tell two of its own walks apart: without this, a tick finding the lease of a run run out
   * while the walk that holds it still waits its turn (an overloaded process) would walk it too, and
   * repeat its outbound call.
   */
  readonly walking: Set<string>;
}

/** Why a walk stopped — the run ended, parked (waits for a decision, a time or a retry), or yielded — and the run as the walk last saw it. */
type Walked = { readonly end: 'ended' | 'parked' | 'yielded'; readonly run: WorkflowRun };

/**
 * A run this engine just started, leased to it: walked without reading or claiming it again, its
 * steps done as first tries (nobody walked it before, so there is nothing to find again).
 */
export interface Held {
  readonly run: WorkflowRun;
  readonly lease: RunLease;
}

function failed(messages: StepFailed['messages']): StepOutcome {
  return { stepId: null, status: 'failed', error: messages };
}

/**
 * A step that failed for now: parks the run until its next try (with backoff, same effect key), or —
 * after the policy's last try — gives the outcome that fails the run.
 */
async function retryOrFail(
  deps: RunnerDeps,
  run: WorkflowRun,
  stepId: string,
  effectKey: string,
  error: unknown,
): Promise<StepOutcome | null> {
  const text = error instanceof Error ? error.message : String(error);
  const attempt = run.attempts + 1;
  if (attempt >= deps.retry.attempts) {
    return failed({
      'zh-CN': `步骤 ${stepId} 已尝试 ${attempt} 次，放弃：${text}`,
      en: `step ${stepId} gave up after ${attempt} tries: ${text}`,
    });
  }
  const retryAt = new Date(deps.clock.now().getTime() + retryDelay(deps.retry, effectKey, attempt));
  await deps.store.workflows.runs.retryLater(run.id, run.stepSeq, retryAt.toISOString(), {
    'zh-CN': `步骤 ${stepId} 第 ${attempt} 次失败，将于 ${retryAt.toISOString()} 重试：${text}`,
    en: `step ${stepId} failed (try ${attempt}); next try at ${retryAt.toISOString()}: ${text}`,
  });
  return null;
}

// Steps whose outcome is kept in memory until the next write of the run: they act on nothing outside
// the database (or, for record writes, leave a trace the step finds when done again).
const BUFFERED = new Set(['condition', 'end', 'updateRecord', 'createRecord']);
// Steps that park the run or check its persisted step themselves: what is buffered is written first.
const NEEDS_PERSISTED = new Set(['approval', 'wait']);

/** Whether a notify step's message stays in the database (the inbox) rather than leaving the process. */
const isInbox = (step: { type: string; channel?: string }) =>
  step.type === 'notify' && step.channel === 'inbox';

/**
 * Walks a run this engine holds the lease of, one step at a time, until it ends, parks, fails for
 * now (retried later) or takes `maxSteps`. Always with the definition version the run started with.
 * Outcomes of steps that do nothing outside the database (conditions, inbox messages, record writes
 * found again by their actor) are written together with the next advance — in one transaction, so a
 * run of an inbox message and a webhook costs one advance instead of two. Every outbound call's
 * outcome is written right after it (the effect was recorded before it), and a crash before a
 * buffered write only makes those quiet steps run again: their effect keys are the same, the inbox
 * and record writes find what was done.
 */
async function walk(
  deps: RunnerDeps,
  start: WorkflowRun,
  lease: RunLease,
  firstTry: boolean,
): Promise<Walked> {
  const runs = deps.store.workflows.runs;
  let run = start;
  let persisted = start;
  const buffered: StepOutcome[] = [];
  // Writes what is buffered; false when another engine moved the run meanwhile (it owns the rest).
  const persist = async (): Promise<boolean> => {
    if (buffered.length === 0) return true;
    try {
      run = await runs.advanceSteps(run.id, persisted.stepSeq, buffered.splice(0));
      persisted = run;
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.code === 'conflict') return false;
      throw error;
    }
  };
  for (let taken = 0; run.status === 'running'; taken++) {
    if (taken >= deps.maxSteps) {
      await persist();
      return { end: 'yielded', run };
    }
    await lease.keep();
    const definition = await deps.definitions.version(run.workflowId, run.workflowVersion);
    const step = definition.steps.find((s) => s.id === run.stepId);
    if (step && NEEDS_PERSISTED.has(step.type) && !(await persist())) return { end: 'yielded', run };
    const effectKey = `${run.id}/${run.stepSeq}/${run.stepId}`;
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
          effectKey,
          firstTry,
          keepLease: () => lease.keep(),
        });
      } catch (error) {
        if (error instanceof LeaseLost) return { end: 'yielded', run };
        if (error instanceof StepFailed) outcome = failed(error.messages);
        else {
          if (!(await persist())) return { end: 'yielded', run };
          const final = await retryOrFail(deps, run, step.id, effectKey, error);
          if (!final) return { end: 'parked', run };
          outcome = final;
        }
      }
    }
    // The step left the run waiting (and persisted that itself): a decision or its wake time resumes it.
    if ('parked' in outcome) return { end: 'parked', run };
    buffered.push(outcome);
    const quiet = step !== undefined && (BUFFERED.has(step.type) || isInbox(step));
    if (outcome.status === 'running' && quiet) {
      // Walk on as if advanced: the next step's effect key is what the advance will make it.
      run = { ...run, stepId: outcome.stepId, stepSeq: run.stepSeq + 1 };
      continue;
    }
    if (!(await persist())) return { end: 'yielded', run };
  }
  return { end: 'ended', run };
}

/**
 * Claims a run and walks it, when no other engine holds it, no other walk of this engine has it, and
 * its workflow is below its concurrency limit; otherwise leaves it (queued, or to its holder). `held` is a lease the run was started with.
 * A run that ends or parks gives its lease up as it does (in the same write); one that yields gives it
 * back here. A run that parked is looked at again afterwards: a decision that woke it meanwhile
 * could not claim it. Returns whether the run was walked.
 */
async function claimAndWalk(deps: RunnerDeps, runId: string, held?: Held): Promise<WorkflowRun | null> {
  if (deps.walking.has(runId)) return null;
  deps.walking.add(runId);
  try {
    return await claimAndWalkOnce(deps, runId, held);
  } finally {
    deps.walking.delete(runId);
  }
}

async function claimAndWalkOnce(deps: RunnerDeps, runId: string, held?: Held): Promise<WorkflowRun | null> {
  let walked: WorkflowRun | null = null;
  let lease = held?.lease;
  for (let round = 0; round < 3; round++) {
    const run = round === 0 && held ? held.run : await deps.store.workflows.runs.get(runId);
    if (run.status !== 'running') break;
    if (!lease) {
      const definition = await deps.definitions.version(run.workflowId, run.workflowVersion);
      lease = (await RunLease.claim(deps, run.id, definition.concurrency?.maxRuns)) ?? undefined;
    }
    if (!lease) break;
    let end: Walked = { end: 'yielded', run };
    try {
      end = await walk(deps, run, lease, round === 0 && held !== undefined);
    } finally {
      if (end.end === 'yielded') await lease.release();
    }
    walked = end.run;
    lease = undefined;
    if (end.end !== 'parked') break;
  }
  return walked;
}

/**
 * Walks a run forward (see `claimAndWalk`). For a workflow with a concurrency limit, the slot this
 * run held goes on to the runs of the workflow waiting their turn, oldest first, while this engine
 * can claim them. Returns the run as it stands.
 */
export async function advanceRun(deps: RunnerDeps, runId: string, held?: Held): Promise<WorkflowRun> {
  const runs = deps.store.workflows.runs;
  const walked = await claimAndWalk(deps, runId, held);
  // A walk that parked reads the run again: what parking wrote is not in the walk's copy.
  const run = walked && walked.status !== 'running' ? walked : await runs.get(runId);
  if (!walked) return run;
  const definition = await deps.definitions.version(run.workflowId, run.workflowVersion);
  if (definition.concurrency === undefined) return run;
  for (;;) {
    const unleasedAt = deps.clock.now().toISOString();
    const [next] = await runs.active(1, { unleasedAt, workflowId: run.workflowId });
    if (!next || !(await claimAndWalk(deps, next.id))) break;
  }
  return run;
}
