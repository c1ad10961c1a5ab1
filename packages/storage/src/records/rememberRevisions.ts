import type { Dialect } from '../dialect/Dialect.ts';
import { insertRows } from '../dialect/insertRows.ts';
import { appendRecordEvents } from '../workflows/RecordEventOutbox.ts';
import type { RecordRevision } from './types.ts';

/** One new revision of a record: its values after the change. */
export interface NewRevision {
  readonly id: string;
  readonly revision: number;
  readonly operation: RecordRevision['operation'];
  readonly data: unknown;
}

/**
 * Appends revisions to the records' history, and their events to the outbox the workflow engine
 * takes them from — in the write's transaction, so no committed change goes unheard. `events: false`
 * writes no events (data that must start nothing, see `RecordWriter.events`).
 */
export async function rememberRevisions(
  tx: Dialect,
  formId: string,
  revisions: readonly NewRevision[],
  at: string,
  actor: string,
  events = true,
): Promise<void> {
  await insertRows(
    tx,
    'record_history',
    ['record_id', 'revision', 'operation', 'data', 'changed_at', 'changed_by'],
    revisions.map((r) => [r.id, r.revision, r.operation, JSON.stringify(r.data), at, actor]),
  );
  if (!events) return;
  await appendRecordEvents(
    tx,
    revisions.map((r) => ({
      recordId: r.id,
      formId,
      revision: r.revision,
      operation: r.operation,
      actor,
      createdAt: at,
    })),
  );
}
