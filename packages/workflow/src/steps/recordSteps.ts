import { toJSONValue } from '@formboard/formula';
import type { WorkflowStep } from '@formboard/schema';
import { type StepOutcome, StoreError } from '@formboard/storage';
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
    target[path[path.length - 1] ?? field] = toJSONValue(value);
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

/** Sets fields of the run's record, computed from the record as it is now; once per effect key. */
export async function updateRecordStep(step: UpdateStep, ctx: StepContext): Promise<StepOutcome> {
  const recordId = ctx.context.recordId;
  if (!recordId) throw new StepFailed({ 'zh-CN': '此流程运行没有记录', en: 'this run has no record' });
  const actor = actorOf(ctx.effectKey);
  const planned = await ctx.store.workflows.runs.effect(ctx.effectKey);
  let payload = planned?.payload as { recordId: string; baseRevision: number; data: Data } | undefined;
  if (!payload) {
    const record = await ctx.store.records.get(recordId);
    const data = assign(record.data, step.set, { ...ctx.context, data: record.data }, ctx.clock.now());
    const effect = { key: ctx.effectKey, runId: ctx.run.id, stepId: step.id, kind: 'record.update' };
    payload = (
      await ctx.store.workflows.runs.beginEffect({
        ...effect,
        payload: { recordId, baseRevision: record.revision, data },
      })
    ).payload as typeof payload & object;
  }
  const { baseRevision, data } = payload;
  const done = (await ctx.store.records.history(recordId)).some((h) => h.changedBy === actor);
  if (!done) await write(() => ctx.store.records.update(recordId, data, { actor, baseRevision }));
  const effect = { key: ctx.effectKey, stepId: step.id, kind: 'record.update', payload, result: null };
  return { ...goTo(step.next), effect };
}

/** Creates a record of another form (a follow-up action item); once per effect key. */
export async function createRecordStep(step: CreateStep, ctx: StepContext): Promise<StepOutcome> {
  const actor = actorOf(ctx.effectKey);
  const ownerId = ctx.context.ownerId ?? actor;
  const data = assign({}, step.values, ctx.context, ctx.clock.now());
  const effect = await ctx.store.workflows.runs.beginEffect({
    key: ctx.effectKey,
    runId: ctx.run.id,
    stepId: step.id,
    kind: 'record.create',
    payload: { formId: step.form, data, ownerId },
  });
  const planned = effect.payload as { formId: string; data: Data; ownerId: string };
  const recordId =
    (await ctx.store.workflows.runs.recordCreatedBy(planned.formId, actor)) ??
    (
      await write(() =>
        ctx.store.records.insert(planned.formId, planned.data, { actor, ownerId: planned.ownerId }),
      )
    ).id;
  return {
    ...goTo(step.next),
    effect: {
      key: effect.key,
      stepId: step.id,
      kind: 'record.create',
      payload: planned,
      result: { recordId },
    },
  };
}
