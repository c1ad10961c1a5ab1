import type { Store } from '@formboard/storage';
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

/**
 * The runs a record change starts: published workflows with a record trigger on the record's form and
 * event whose condition holds, reading the values of that revision and `$old` (the revision before).
 * The event key is the record and revision, so the same change delivered twice starts one run.
 */
export async function planRecordRuns(
  store: Store,
  workflows: readonly PublishedWorkflow[],
  change: RecordChange,
  now: Date,
): Promise<RecordRunPlan[]> {
  const record = await store.records.get(change.recordId);
  const matching = workflows.filter(
    ({ definition: { trigger } }) =>
      trigger.type === 'record' && trigger.form === record.formId && trigger.events.includes(change.type),
  );
  if (matching.length === 0) return [];
  const revision = change.revision ?? (change.type === 'created' ? 1 : record.revision);
  // A creation seen at its own revision needs no history: the values are the record's, `$old` empty.
  const history =
    change.type === 'created' && revision === record.revision ? [] : await store.records.history(record.id);
  const current = history.find((h) => h.revision === revision)?.data ?? record.data;
  const old = change.type === 'created' ? {} : (history.find((h) => h.revision === revision - 1)?.data ?? {});
  const context: RunContext = {
    data: current,
    variables: { old, event: change.type },
    recordId: record.id,
    ownerId: record.ownerId,
    createdBy: record.createdBy,
  };
  return matching.flatMap((workflow) => {
    const trigger = workflow.definition.trigger;
    if (trigger.type !== 'record' || (trigger.condition && !holds(trigger.condition, context, now)))
      return [];
    return [{ workflow, eventKey: `record:${record.id}:${revision}`, context }];
  });
}
