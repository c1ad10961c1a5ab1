import type { RecordStore, Store, StoredRecord } from '@formboard/storage';
import type { EventBus } from '../events/ChangeEvent.ts';
import type { WorkflowLog } from './hostWorkflows.ts';

type Written = { readonly type: 'record.created' | 'record.updated'; readonly record: StoredRecord };

// `records` whose inserts and updates are told to `wrote` once made.
function telling(records: RecordStore, wrote: (written: Written) => void): RecordStore {
  const told = Object.create(records) as RecordStore;
  told.insert = async (...args) => {
    const record = await records.insert(...args);
    wrote({ type: 'record.created', record });
    return record;
  };
  told.update = async (...args) => {
    const record = await records.update(...args);
    wrote({ type: 'record.updated', record });
    return record;
  };
  return told;
}

/**
 * The store as the workflow engine gets it: the records its steps create or update are announced on
 * the event bus (marked `byWorkflow`), so live boards and lists follow a workflow's writes — a key
 * result moved by a check-in — as they follow the API's. The engine writes them in the transaction
 * that moves the run past the step (`store.transaction`): they are announced once it committed, and
 * not at all when it rolled back. The host starts no run from such an event, so one workflow's
 * writes never start another (no chains, no loops), as before.
 */
export function announcedStore(store: Store, bus: EventBus, log: WorkflowLog): Store {
  // One announcement at a time, in the order of the writes: the PostgreSQL bus publishes on its one
  // listening connection, which takes one query at a time.
  let announced = Promise.resolve();
  const announce = ({ type, record }: Written) => {
    const { formId, id: recordId, ownerId, orgUnitId, revision } = record;
    announced = announced
      .then(() => bus.publish({ type, formId, recordId, ownerId, orgUnitId, revision, byWorkflow: true }))
      .catch((error: unknown) => log.warn({ err: error }, 'could not announce a workflow’s change'));
  };
  return {
    ...store,
    records: telling(store.records, announce),
    async transaction(work) {
      const written: Written[] = [];
      const result = await store.transaction((tx) =>
        work({ ...tx, records: telling(tx.records, (w) => written.push(w)) }),
      );
      for (const w of written) announce(w);
      return result;
    },
  };
}
