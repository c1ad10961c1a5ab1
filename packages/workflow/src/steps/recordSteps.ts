import { toJSONValue } from '@formboard/formula';
import type { WorkflowStep } from '@formboard/schema';
import { type RecordStore, type StoredRecord, StoreError } from '@formboard/storage';
import { evaluateIn, type RunContext } from '../runScope.ts';
import {
  goTo,
  type PlannedOutcome,
  type RecordValues,
  type RecordWrite,
  type StepContext,
} from './StepContext.ts';
import { StepFailed } from './StepFailed.ts';

type UpdateStep = Extract<WorkflowStep, { type: 'updateRecord' }>;
type CreateStep = Extract<WorkflowStep, { type: 'createRecord' }>;
type Assignment = { readonly field: string; readonly formula: string };
type Data = RecordValues;

// A record written by a step names the step's effect as its actor: the history shows which step of
// which run wrote it, and the record event pump starts nothing from it.
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

// A record the step reads that is gone (or another store refusal) will not come back by retrying.
async function read(work: () => Promise<StoredRecord>): Promise<StoredRecord> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreError) throw new StepFailed(error.messages);
    throw error;
  }
}

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

/**
 * Sets fields of the run's record, or of the record its reference field `record` names (a check-in's
 * key result), computed from the run's record and the target as it is now (`$target`). Nothing is
 * written here: the write, against the revision the values were computed from, is made in the
 * transaction that moves the run past the step — so it happens exactly once — and when the target
 * changed in between, that transaction is refused and the step plans again from the new values
 * (the walk's `StepWriter`). A blank reference field has nothing to update: the step goes on.
 */
export async function updateRecordStep(step: UpdateStep, ctx: StepContext): Promise<PlannedOutcome> {
  const targetId = targetOf(step, ctx);
  if (targetId === undefined) return goTo(step.next);
  const target = await read(() => ctx.store.records.get(targetId));
  const context: RunContext =
    step.record === undefined
      ? { ...ctx.context, data: target.data }
      : { ...ctx.context, variables: { ...ctx.context.variables, target: target.data } };
  const planned = {
    recordId: target.id,
    baseRevision: target.revision,
    data: assign(target.data, step.set, context, ctx.clock.now()),
  };
  return {
    ...goTo(step.next),
    effect: { key: ctx.effectKey, stepId: step.id, kind: 'record.update', payload: planned, result: null },
    write: { kind: 'record.update', actor: actorOf(ctx.effectKey), ...planned },
  };
}

/**
 * Creates a record of another form (a follow-up action item), owned by whom the run is about. As for
 * updates, the record is inserted in the transaction that moves the run past the step: exactly once.
 */
export function createRecordStep(step: CreateStep, ctx: StepContext): PlannedOutcome {
  const actor = actorOf(ctx.effectKey);
  const planned = {
    formId: step.form,
    data: assign({}, step.values, ctx.context, ctx.clock.now()),
    ownerId: ctx.context.ownerId ?? actor,
  };
  return {
    ...goTo(step.next),
    effect: { key: ctx.effectKey, stepId: step.id, kind: 'record.create', payload: planned, result: null },
    write: { kind: 'record.create', actor, ...planned },
  };
}

/**
 * Makes a planned record write with `records` (the store's, in the caller's transaction); returns what
 * the step's effect records as its result: the created record's id.
 */
export async function writeRecord(records: RecordStore, write: RecordWrite): Promise<unknown> {
  if (write.kind === 'record.update') {
    const { recordId, data, actor, baseRevision } = write;
    await records.update(recordId, data, { actor, baseRevision });
    return null;
  }
  const created = await records.insert(write.formId, write.data, {
    actor: write.actor,
    ownerId: write.ownerId,
  });
  return { recordId: created.id };
}
