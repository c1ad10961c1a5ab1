import { toJSONValue } from '@formboard/formula';
import type { WorkflowStep } from '@formboard/schema';
import { type StepOutcome, type StoredRecord, StoreError } from '@formboard/storage';
import { evaluateIn, type RunContext } from '../runScope.ts';
import { goTo, type StepContext } from './StepContext.ts';
import { StepFailed } from './StepFailed.ts';

type UpdateStep = Extract<WorkflowStep, { type: 'updateRecord' }>;
type CreateStep = Extract<WorkflowStep, { type: 'createRecord' }>;
type Assignment = { readonly field: string; readonly formula: string };
type Data = Record<string, unknown>;

// A record written by a step names the effect as its actor: after a crash, the record's history (or
// its creator) tells whether the write happened, so it is never made twice.
const actorOf = (effectKey: string) => `workflow:${effectKey}`;

/** Whether a record change was written by a workflow step (it names the step's effect as its actor). */
export const isWorkflowActor = (actor: string): boolean => actor.startsWith('workflow:');

function assign(base: Data, assignments: readonly Assignment[], context: RunContext, now: Date): Data {
  const out: Data = structuredClone(base);
  for (const { field, formula } of assignments) {
    const value = evaluateIn(formula, context, now);
    if (value instanceof Error)
      throw new StepFailed({ 'zh-CN': `公式有误：${value.message}`, en: value.message });
    const path = field.split('.');
    let target = out;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Data;
    }
    const key = path[path.length - 1] ?? field;
    // A blank result clears the field: records keep no nulls, as the form engine keeps none.
    if (value === null) delete target[key];
    else target[key] = toJSONValue(value);
  }
  return out;
}

// Store refusals (an invalid record, a record deleted or changed meanwhile) will not heal by retrying.
async function write<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreError) throw new StepFailed(error.messages);
    throw error;
  }
}

/** A planned update: which record, from which revision, to which values. */
type UpdatePayload = { recordId: string; baseRevision: number; data: Data };

// A record changed by someone else between planning and writing is planned again from its new
// values, this many times at most, rather than overwritten (a lost update) or given up on.
const MAX_PLANS = 5;

/** The record a step updates: the run's own, or the one its `record` reference field names (or none). */
function targetOf(step: UpdateStep, ctx: StepContext): string | undefined {
  if (step.record === undefined) {
    if (!ctx.context.recordId)
      throw new StepFailed({ 'zh-CN': '此流程运行没有记录', en: 'this run has no record' });
    return ctx.context.recordId;
  }
  const id = ctx.context.data[step.record];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The target's new values: the assignments over the run's record and the target as it is now. */
function plan(step: UpdateStep, target: StoredRecord, ctx: StepContext): UpdatePayload {
  const context: RunContext =
    step.record === undefined
      ? { ...ctx.context, data: target.data }
      : { ...ctx.context, variables: { ...ctx.context.variables, target: target.data } };
  return {
    recordId: target.id,
    baseRevision: target.revision,
    data: assign(target.data, step.set, context, ctx.clock.now()),
  };
}

/**
 * Sets fields of the run's record, or of the record its reference field `record` names (a check-in's
 * key result), computed from the records as they are now; once per effect key. The plan is kept with
 * the effect before writing, and the write names the effect as its actor, so after a crash the
 * target's history tells whether it happened. A write that meets a newer revision plans again from
 * it. A blank reference field has nothing to update: the step goes on. A first try (a run this engine
 * just started) has no plan or write to find: it writes at once, and a crash after the write leaves
 * the resumed run to find it in the history as above.
 */
export async function updateRecordStep(step: UpdateStep, ctx: StepContext): Promise<StepOutcome> {
  const actor = actorOf(ctx.effectKey);
  const planned = ctx.firstTry ? undefined : await ctx.store.workflows.runs.effect(ctx.effectKey);
  let payload = planned?.payload as UpdatePayload | undefined;
  if (!payload) {
    const targetId = targetOf(step, ctx);
    if (targetId === undefined) return goTo(step.next);
    const first = plan(step, await write(() => ctx.store.records.get(targetId)), ctx);
    const effect = { key: ctx.effectKey, runId: ctx.run.id, stepId: step.id, kind: 'record.update' };
    payload = ctx.firstTry
      ? first
      : ((await ctx.store.workflows.runs.beginEffect({ ...effect, payload: first }))
          .payload as UpdatePayload);
  }
  const { recordId } = payload;
  const done =
    !ctx.firstTry && (await ctx.store.records.history(recordId)).some((h) => h.changedBy === actor);
  let attempt = payload;
  for (let plans = 1; !done; plans++) {
    try {
      await ctx.store.records.update(recordId, attempt.data, { actor, baseRevision: attempt.baseRevision });
      break;
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      if (error.code !== 'conflict' || plans >= MAX_PLANS) throw new StepFailed(error.messages);
      attempt = plan(step, await write(() => ctx.store.records.get(recordId)), ctx);
    }
  }
  const effect = { key: ctx.effectKey, stepId: step.id, kind: 'record.update', payload, result: null };
  return { ...goTo(step.next), effect };
}

/**
 * Creates a record of another form (a follow-up action item); once per effect key: after a crash the
 * record is found by its creator, the step's actor. A first try has nothing to find and creates it at
 * once.
 */
export async function createRecordStep(step: CreateStep, ctx: StepContext): Promise<StepOutcome> {
  const actor = actorOf(ctx.effectKey);
  const ownerId = ctx.context.ownerId ?? actor;
  const data = assign({}, step.values, ctx.context, ctx.clock.now());
  const payload = { formId: step.form, data, ownerId };
  const planned = ctx.firstTry
    ? payload
    : ((
        await ctx.store.workflows.runs.beginEffect({
          key: ctx.effectKey,
          runId: ctx.run.id,
          stepId: step.id,
          kind: 'record.create',
          payload,
        })
      ).payload as typeof payload);
  const found = ctx.firstTry
    ? undefined
    : await ctx.store.workflows.runs.recordCreatedBy(planned.formId, actor);
  const recordId =
    found ??
    (
      await write(() =>
        ctx.store.records.insert(planned.formId, planned.data, { actor, ownerId: planned.ownerId }),
      )
    ).id;
  return {
    ...goTo(step.next),
    effect: {
      key: ctx.effectKey,
      stepId: step.id,
      kind: 'record.create',
      payload: planned,
      result: { recordId },
    },
  };
}
