import type { WorkflowStep } from '@formboard/schema';
import type { StepOutcome, WorkflowRun } from '@formboard/storage';
import type { WorkflowDefinitions } from './definitions.ts';
import { type LeaseDeps, LeaseLost, RunLease } from './leases.ts';
import { retryDelay } from './retryDelay.ts';
import type { RunContext } from './runScope.ts';
import { RunMoved, StepWriter, WriteRefused } from './StepWriter.ts';
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

/** A run this engine just started, leased to it: walked without reading or claiming it again. */
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
// the database, and what they do in it (an inbox message, a record write) is written with their advance.
const BUFFERED = new Set(['condition', 'end', 'updateRecord', 'createRecord']);
// Steps that park the run or check its persisted step themselves: what is buffered is written first.
const NEEDS_PERSISTED = new Set(['approval', 'wait']);
// Steps that write a record: one record write per transaction, so a later update plans from an
// earlier one's write, and no transaction holds the record locks of two forms at once.
const WRITES_RECORDS = new Set(['updateRecord', 'createRecord']);
// A record changed by someone else between a step's planning and its write is planned again from its
// new values, this many times at most, rather than overwritten (a lost update) or given up on.
const MAX_PLANS = 5;

/** Whether a notify step's message stays in the database (the inbox) rather than leaving the process. */
const isInbox = (step: { type: string; channel?: string }) =>
  step.type === 'notify' && step.channel === 'inbox';

/** Does one step; a failure that may heal parks the run until its retry, any other fails the run. */
async function doStep(
  deps: RunnerDeps,
  writer: StepWriter,
  run: WorkflowRun,
  step: WorkflowStep | undefined,
  lease: RunLease,
): Promise<StepResult> {
  if (!step) return failed({ 'zh-CN': `找不到步骤 ${run.stepId}`, en: `step ${run.stepId} does not exist` });
  if (NEEDS_PERSISTED.has(step.type) || (WRITES_RECORDS.has(step.type) && writer.writesRecords))
    await writer.write();
  const effectKey = `${run.id}/${run.stepSeq}/${run.stepId}`;
  try {
    return await executeStep(step, {
      store: deps.store,
      clock: deps.clock,
      outbound: deps.outbound,
      run,
      context: run.context as unknown as RunContext,
      effectKey,
      keepLease: () => lease.keep(),
      beginEffect: (effect) => writer.writeAndBegin(effect),
    });
  } catch (error) {
    if (error instanceof LeaseLost || error instanceof RunMoved || error instanceof WriteRefused) throw error;
    if (error instanceof StepFailed) return failed(error.messages);
    // What the walk did before this step is written first: the retry starts from this step.
    await writer.write();
    return (await retryOrFail(deps, writer.run, step.id, effectKey, error)) ?? { parked: true };
  }
}

/**
 * Walks a run this engine holds the lease of, one step at a time, until it ends, parks, fails for
 * now (retried later) or takes `maxSteps`. Always with the definition version the run started with.
 * The outcomes of steps that act only inside the database (conditions, inbox messages, record
 * writes) are kept by a `StepWriter` and written with the run's next write, in one transaction with
 * their advance — so each happens exactly once — and an outbound call's pending effect is recorded
 * in that same transaction, right before the call. The call's outcome is written alone, as soon as
 * its answer is in: what a crash can cut is only a call in flight, sent again with the same key.
 */
async function walk(deps: RunnerDeps, start: WorkflowRun, lease: RunLease): Promise<Walked> {
  const writer = new StepWriter(deps.store, start);
  let run = start;
  let refused: WriteRefused | undefined;
  let planned = { seq: -1, times: 0 };
  for (let taken = 0; ; taken++) {
    try {
      if (refused) {
        // The run stands at the refused step again: plan it anew, or fail the run with the refusal.
        const at = await writer.writeBefore(refused);
        refused = undefined;
        run = writer.run;
        if (planned.seq !== run.stepSeq) planned = { seq: run.stepSeq, times: 1 };
        if (at.refusal.code !== 'conflict' || ++planned.times > MAX_PLANS) {
          writer.add(failed(at.refusal.messages));
          await writer.write();
          run = writer.run;
        }
      }
      if (run.status !== 'running') return { end: 'ended', run };
      if (taken >= deps.maxSteps) {
        await writer.write();
        return { end: 'yielded', run: writer.run };
      }
      await lease.keep();
      const definition = await deps.definitions.version(run.workflowId, run.workflowVersion);
      const step = definition.steps.find((s) => s.id === run.stepId);
      const outcome = await doStep(deps, writer, run, step, lease);
      // The step left the run waiting (and persisted that itself): a decision or its wake time resumes it.
      if ('parked' in outcome) return { end: 'parked', run };
      writer.add(outcome);
      if (outcome.status === 'running' && step && (BUFFERED.has(step.type) || isInbox(step))) {
        // Walk on as if advanced: the next step's effect key is what the advance will make it.
        run = { ...run, stepId: outcome.stepId, stepSeq: run.stepSeq + 1 };
        continue;
      }
      await writer.write();
      run = writer.run;
    } catch (error) {
      if (error instanceof LeaseLost || error instanceof RunMoved) return { end: 'yielded', run };
      if (!(error instanceof WriteRefused)) throw error;
      refused = error;
    }
  }
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
      end = await walk(deps, run, lease);
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
