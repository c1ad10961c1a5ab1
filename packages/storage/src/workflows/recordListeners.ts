import type { WorkflowDefinition } from '@formboard/schema';
import type { DefinitionEvents } from '../definitions/DefinitionStore.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { formLayout } from '../layout/formLayouts.ts';

/** A kind of record change, as the outbox names it. */
export type RecordOperation = 'create' | 'update' | 'delete';

/** A published workflow version that heard an outbox event. */
export interface ListeningWorkflow {
  readonly workflowId: string;
  readonly version: number;
}

/** A published workflow listening to a kind of change of a form, since an outbox position. */
export interface RecordListener extends ListeningWorkflow {
  readonly formId: string;
  readonly operation: RecordOperation;
  /** It hears the events after this one: the outbox's last number when it began to listen. */
  readonly afterSeq: number;
}

type ListenerRow = {
  workflow_id: string;
  workflow_version: number;
  form_id: string;
  operation: RecordOperation;
  after_seq: number | string;
};

// Store migration 13: which published workflow listens to which form and kind of change. Record
// writes read it to leave an outbox event only where someone listens; the outbox's taker reads it to
// know who heard an event. Kept in the transaction that publishes or archives a workflow.
const listenerTable = (seq: string) => [
  `CREATE TABLE record_listeners (
    workflow_id TEXT NOT NULL, operation TEXT NOT NULL, form_id TEXT NOT NULL,
    workflow_version INTEGER NOT NULL, after_seq ${seq} NOT NULL,
    PRIMARY KEY (workflow_id, operation))`,
  'CREATE INDEX record_listeners_by_form ON record_listeners (form_id)',
];

/** SQLite's statements of the listener migration. */
export const recordListenersSqlite = listenerTable('INTEGER');
/** PostgreSQL's statements of the listener migration. */
export const recordListenersPostgres = listenerTable('BIGINT');

const OPERATION: Record<'created' | 'updated' | 'deleted', RecordOperation> = {
  created: 'create',
  updated: 'update',
  deleted: 'delete',
};

/** The form and kinds of change a workflow definition's trigger listens to (none but a record trigger's). */
function listensTo(definition: WorkflowDefinition): { form: string; operations: RecordOperation[] } | null {
  const { trigger } = definition;
  if (trigger.type !== 'record') return null;
  return { form: trigger.form, operations: trigger.events.map((event) => OPERATION[event]) };
}

const toListener = (row: ListenerRow): RecordListener => ({
  workflowId: row.workflow_id,
  version: Number(row.workflow_version),
  formId: row.form_id,
  operation: row.operation,
  afterSeq: Number(row.after_seq),
});

/**
 * The number of the last event ever added to the outbox (0 before the first): AUTOINCREMENT's
 * counter on SQLite, the sequence on PostgreSQL — neither hands a number out twice or goes back.
 */
async function outboxPosition(tx: Dialect): Promise<number> {
  const sql =
    tx.name === 'postgres'
      ? "SELECT pg_sequence_last_value(pg_get_serial_sequence('record_outbox', 'seq')::regclass) AS seq"
      : "SELECT seq FROM sqlite_sequence WHERE name = 'record_outbox'";
  const [row] = await tx.query<{ seq: number | string | null }>(sql);
  return Number(row?.seq ?? 0);
}

/**
 * Makes a workflow version's trigger the one it listens with, in the publishing transaction. A kind
 * of change it keeps listening to keeps its start; one it begins to listen to starts after the
 * outbox's last event. On PostgreSQL the form's layout row is locked first, as a form's publish
 * does: every record writer of the form holds it shared from its first statement, so the writes in
 * flight commit first (their events, if any, are before the start), and the writes after it see this
 * listener when they decide whether to leave an event (theirs come after the start). A workflow thus
 * hears exactly the changes committed after its publish committed.
 */
async function listen(tx: Dialect, workflowId: string, version: number, definition: WorkflowDefinition) {
  const wanted = listensTo(definition);
  const current = (
    await tx.query<ListenerRow>('SELECT * FROM record_listeners WHERE workflow_id = ?', [workflowId])
  ).map(toListener);
  const kept = (l: RecordListener) => wanted?.form === l.formId && wanted.operations.includes(l.operation);
  for (const listener of current) {
    if (kept(listener))
      await tx.run(
        'UPDATE record_listeners SET workflow_version = ? WHERE workflow_id = ? AND operation = ?',
        [version, workflowId, listener.operation],
      );
    else
      await tx.run('DELETE FROM record_listeners WHERE workflow_id = ? AND operation = ?', [
        workflowId,
        listener.operation,
      ]);
  }
  const added = wanted?.operations.filter((op) => !current.some((l) => kept(l) && l.operation === op)) ?? [];
  if (!wanted || added.length === 0) return;
  await formLayout(tx, wanted.form, 'update');
  const afterSeq = await outboxPosition(tx);
  for (const operation of added)
    await tx.run(
      'INSERT INTO record_listeners (workflow_id, operation, form_id, workflow_version, after_seq) VALUES (?, ?, ?, ?, ?)',
      [workflowId, operation, wanted.form, version, afterSeq],
    );
}

/**
 * The definition events of the store with the workflows' record listeners kept beside them:
 * publishing a workflow version makes its trigger the one it listens with, archiving it ends that.
 */
export function withRecordListeners(inner: DefinitionEvents): DefinitionEvents {
  return {
    async published(tx, info, version) {
      await inner.published(tx, info, version);
      if (info.kind === 'workflow')
        await listen(tx, info.id, version.version, version.content as unknown as WorkflowDefinition);
    },
    async archived(tx, info) {
      await inner.archived(tx, info);
      if (info.kind === 'workflow')
        await tx.run('DELETE FROM record_listeners WHERE workflow_id = ?', [info.id]);
    },
  };
}

/** Every listener: who hears which changes of which form, since when. */
export async function recordListeners(db: Dialect): Promise<RecordListener[]> {
  const rows = await db.query<ListenerRow>('SELECT * FROM record_listeners ORDER BY workflow_id, operation');
  return rows.map(toListener);
}

/** The kinds of change of a form somebody listens to, in the caller's transaction (a record write's). */
export async function listenedOperations(tx: Dialect, formId: string): Promise<Set<RecordOperation>> {
  const rows = await tx.query<{ operation: RecordOperation }>(
    'SELECT DISTINCT operation FROM record_listeners WHERE form_id = ?',
    [formId],
  );
  return new Set(rows.map((row) => row.operation));
}

type PublishedRow = { id: string; version: number; content: string };

/**
 * Store migration 13's data step: the workflows published before it listen from the outbox's start,
 * so the events already waiting in it reach them as they did before the migration.
 */
export async function listenFromStart(tx: Dialect): Promise<void> {
  const published = await tx.query<PublishedRow>(
    `SELECT d.id, d.published_version AS version, v.content FROM definitions d
     JOIN definition_versions v ON v.definition_id = d.id AND v.version = d.published_version
     WHERE d.kind = 'workflow' AND d.state = 'published' ORDER BY d.id`,
  );
  for (const row of published) {
    const wanted = listensTo(JSON.parse(row.content) as WorkflowDefinition);
    for (const operation of wanted?.operations ?? [])
      await tx.run(
        'INSERT INTO record_listeners (workflow_id, operation, form_id, workflow_version, after_seq) VALUES (?, ?, ?, ?, 0)',
        [row.id, operation, wanted?.form, Number(row.version)],
      );
  }
}
