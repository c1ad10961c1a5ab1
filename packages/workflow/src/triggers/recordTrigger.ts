import type { NewRun, Store } from '@formboard/storage';
import type { PublishedWorkflow } from '../definitions.ts';
import { holds, type RunContext } from '../runScope.ts';

/** A record change the server feeds the engine (after the write committed). */
export interface RecordChange {
  readonly type: 'created' | 'updated' | 'deleted';
  readonly recordId: string;
  /**
   * The revision the change produced. Default: 1 for a creation, else the record's current revision —
   * which, when several changes come quickly, may already be a later one (pass it when known).
   */
  readonly revision?: number;
}

/** A run a record change should start. */
export interface RecordRunPlan {
  readonly workflow: PublishedWorkflow;
  readonly eventKey: string;
  readonly context: RunContext;
}

/** What a record trigger reads of a change: the record, its values at the revision and before it. */
export interface TriggeringChange {
  readonly type: RecordChange['type'];
  readonly recordId: string;
  readonly formId: string;
  readonly revision: number;
  readonly ownerId: string;
  readonly createdBy: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** The values at the revision before (`$old`); empty for a creation. */
  readonly old: Readonly<Record<string, unknown>>;
}

/** Whether a published workflow has a record trigger on this form and kind of change. */
export function listensTo(workflow: PublishedWorkflow, formId: string, type: RecordChange['type']): boolean {
  const { trigger } = workflow.definition;
  return trigger.type === 'record' && trigger.form === formId && trigger.events.includes(type);
}

/**
 * The runs a change starts: the workflows listening to its form and kind whose condition holds over
 * the values of that revision and `$old`. The event key is the record and revision, so the same
 * change delivered twice starts one run.
 */
export function planTriggered(
  workflows: readonly PublishedWorkflow[],
  change: TriggeringChange,
  now: Date,
): RecordRunPlan[] {
  const matching = workflows.filter((w) => listensTo(w, change.formId, change.type));
  if (matching.length === 0) return [];
  const context: RunContext = {
    data: change.data,
    variables: { old: change.old, event: change.type },
    recordId: change.recordId,
    ownerId: change.ownerId,
    createdBy: change.createdBy,
  };
  return matching.flatMap((workflow) => {
    const trigger = workflow.definition.trigger;
    if (trigger.type !== 'record' || (trigger.condition && !holds(trigger.condition, context, now)))
      return [];
    return [{ workflow, eventKey: `record:${change.recordId}:${change.revision}`, context }];
  });
}

/**
 * The runs a change given by id starts (`planTriggered`), reading the record and, unless it is a
 * creation seen at its own revision, its history for the values of that revision and the one before.
 */
export async function planRecordRuns(
  store: Store,
  workflows: readonly PublishedWorkflow[],
  change: RecordChange,
  now: Date,
): Promise<RecordRunPlan[]> {
  const record = await store.records.get(change.recordId);
  if (!workflows.some((w) => listensTo(w, record.formId, change.type))) return [];
  const revision = change.revision ?? (change.type === 'created' ? 1 : record.revision);
  // A creation seen at its own revision needs no history: the values are the record's, `$old` empty.
  const history =
    change.type === 'created' && revision === record.revision ? [] : await store.records.history(record.id);
  const data = history.find((h) => h.revision === revision)?.data ?? record.data;
  const old = change.type === 'created' ? {} : (history.find((h) => h.revision === revision - 1)?.data ?? {});
  const { id: recordId, formId, ownerId, createdBy } = record;
  return planTriggered(
    workflows,
    { type: change.type, recordId, formId, revision, ownerId, createdBy, data, old },
    now,
  );
}

/** The run a plan starts, with its id and `$run` (id, start time) in its context. */
export function runOf(plan: RecordRunPlan, id: string, now: Date): NewRun {
  return {
    id,
    workflowId: plan.workflow.id,
    workflowVersion: plan.workflow.version,
    eventKey: plan.eventKey,
    stepId: plan.workflow.definition.start,
    context: {
      ...plan.context,
      variables: { ...plan.context.variables, run: { id, startedAt: now.toISOString() } },
    },
  };
}
