import type { Store, StoredRecord } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import type { ChangeEvent, EventBus } from './ChangeEvent.ts';

/** More records of one form rolled up by one write are announced as one change of the form. */
const ONE_BY_ONE = 50;

/**
 * Announces the records the store's roll-ups rewrite (an objective moved by its key result's change,
 * whoever made it: the API, an import, a connector, a workflow step) as `record.updated` events, so
 * live boards and lists follow them like any other change — after the change that caused them, whose
 * writer announces it as soon as the write returns. Until the app closes.
 */
export function announceRolledUp(app: FastifyInstance, store: Store, bus: EventBus): void {
  const unsubscribe = store.records.onRolledUp((records) => {
    const events = rolledUpEvents(records);
    setImmediate(() => {
      for (const event of events)
        bus
          .publish(event)
          .catch((error: Error) => app.log.warn({ err: error, event }, 'could not announce a roll-up'));
    });
  });
  app.addHook('onClose', async () => unsubscribe());
}

/** The events for records one write's roll-ups rewrote: one per record, or one per form for many. */
export function rolledUpEvents(records: readonly StoredRecord[]): ChangeEvent[] {
  const byForm = new Map<string, StoredRecord[]>();
  for (const record of records) byForm.set(record.formId, [...(byForm.get(record.formId) ?? []), record]);
  return [...byForm].flatMap(([formId, rewritten]): ChangeEvent[] => {
    if (rewritten.length > ONE_BY_ONE)
      return [{ type: 'records.imported', formId, recordId: '', ownerId: '', orgUnitId: null }];
    return rewritten.map((record) => ({
      type: 'record.updated',
      formId,
      recordId: record.id,
      ownerId: record.ownerId,
      orgUnitId: record.orgUnitId,
      revision: record.revision,
      // A workflow step's write (its actor is `workflow:<effect key>`) starts no workflow, nor do its roll-ups.
      ...(record.updatedBy.startsWith('workflow:') ? { byWorkflow: true as const } : {}),
    }));
  });
}
