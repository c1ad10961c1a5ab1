import type { RecordStore, Store, StoredRecord } from '@formboard/storage';
import type { EventBus } from '../events/ChangeEvent.ts';
import type { WorkflowLog } from './hostWorkflows.ts';

/**
 * The store as the workflow engine gets it: the records its steps create or update are announced on
 * the event bus (marked `byWorkflow`), so live boards and lists follow a workflow's writes — a key
 * result moved by a check-in — as they follow the API's. The host starts no run from such an event,
 * so one workflow's writes never start another (no chains, no loops), as before.
 */
export function announcedStore(store: Store, bus: EventBus, log: WorkflowLog): Store {
  const records = Object.create(store.records) as RecordStore;
  const announce = (type: 'record.created' | 'record.updated', record: StoredRecord) => {
    const { formId, id: recordId, ownerId, orgUnitId, revision } = record;
    bus
      .publish({ type, formId, recordId, ownerId, orgUnitId, revision, byWorkflow: true })
      .catch((error: unknown) => log.warn({ err: error }, 'could not announce a workflow’s change'));
    return record;
  };
  records.insert = async (...args) => announce('record.created', await store.records.insert(...args));
  records.update = async (...args) => announce('record.updated', await store.records.update(...args));
  return { ...store, records };
}
