import type { Dialect } from '../dialect/Dialect.ts';
import { insertRows } from '../dialect/insertRows.ts';
import { json } from '../records/recordRows.ts';
import {
  type ListeningWorkflow,
  listenedOperations,
  type RecordListener,
  type RecordOperation,
  recordListeners,
} from './recordListeners.ts';
import { insertNewRuns } from './rows.ts';
import type { NewRun, RunLeaseGrant, WorkflowRun } from './types.ts';

/** A committed record change waiting in the outbox for the workflow engine. */
export interface RecordEvent {
  /** The event's place in the outbox: events are taken in this order (per record, strictly). */
  readonly seq: number;
  readonly recordId: string;
  readonly formId: string;
  /** The record's revision this change produced. */
  readonly revision: number;
  readonly operation: RecordOperation;
  /** Who made the change (`workflow:<effect key>` for a workflow step's write). */
  readonly actor: string;
  readonly createdAt: string;
}

/**
 * A record event with the published workflows that heard it: those listening to its form and kind of
 * change since before it was written (`store.workflows.recordListeners`).
 */
export interface HeardRecordEvent extends RecordEvent {
  readonly listeners: readonly ListeningWorkflow[];
}

/** A record event with what a trigger reads: the record's people and its values at the revision and before. */
export interface RecordEventData extends HeardRecordEvent {
  readonly ownerId: string;
  readonly createdBy: string;
  /** The values the change produced (for a deletion, the values it deleted). */
  readonly data: Readonly<Record<string, unknown>>;
  /** The values at the revision before; empty for a creation. */
  readonly old: Readonly<Record<string, unknown>>;
}

/** A run to start for a record event, leased to the engine that will walk it (or not, to be claimed). */
export interface RunToStart {
  readonly run: NewRun;
  readonly lease?: RunLeaseGrant | undefined;
}

/** What `take` is told: how many events at most, which need their values, and the runs they start. */
export interface TakeRecordEvents {
  readonly limit: number;
  /** Whether the caller needs an event's values (others are only removed). */
  wants(event: HeardRecordEvent): boolean;
  /** The runs the wanted events start; called inside the transaction, so it must not wait on the store. */
  plan(events: readonly RecordEventData[]): readonly RunToStart[];
}

/** What one `take` did: how many events it removed, and the runs it started (not those that existed). */
export interface TakenRecordEvents {
  readonly events: number;
  readonly started: readonly WorkflowRun[];
}

type OutboxRow = {
  seq: number;
  record_id: string;
  form_id: string;
  revision: number;
  operation: RecordEvent['operation'];
  actor: string;
  created_at: string;
};

type DataRow = {
  seq: number;
  owner_id: string;
  created_by: string;
  data: string | Record<string, unknown> | null;
  old_data: string | Record<string, unknown> | null;
};

const toEvent = (row: OutboxRow): RecordEvent => ({
  seq: Number(row.seq),
  recordId: row.record_id,
  formId: row.form_id,
  revision: Number(row.revision),
  operation: row.operation,
  actor: row.actor,
  createdAt: row.created_at,
});

// `column` is one of the events' numbers, passed as one parameter whatever their count.
const seqIn = (db: Dialect, column: string) =>
  db.name === 'postgres' ? `${column} = ANY(?::bigint[])` : `${column} IN (SELECT value FROM json_each(?))`;
const seqsOf = (db: Dialect, events: readonly RecordEvent[]) => {
  const seqs = events.map((e) => e.seq);
  return db.name === 'postgres' ? seqs : JSON.stringify(seqs);
};

/**
 * Adds the outbox rows of record changes some published workflow listens to (its form and kind of
 * change), in the caller's transaction — the one that writes the records and their history, so a
 * change is committed with its event or not at all. A change nobody listens to leaves nothing: the
 * outbox holds only work an engine has to do.
 */
export async function appendRecordEvents(
  tx: Dialect,
  events: readonly Omit<RecordEvent, 'seq'>[],
): Promise<void> {
  const heard: Omit<RecordEvent, 'seq'>[] = [];
  for (const formId of new Set(events.map((e) => e.formId))) {
    const listened = await listenedOperations(tx, formId);
    if (listened.size > 0)
      heard.push(...events.filter((e) => e.formId === formId && listened.has(e.operation)));
  }
  await insertRows(
    tx,
    'record_outbox',
    ['record_id', 'form_id', 'revision', 'operation', 'actor', 'created_at'],
    heard.map((e) => [e.recordId, e.formId, e.revision, e.operation, e.actor, e.createdAt]),
  );
}

/**
 * The outbox of record changes (table `record_outbox`), as the workflow engine consumes it: `take`
 * removes a batch of events and starts the runs they trigger in one transaction, so each event starts
 * its runs exactly once — a crash before the commit leaves the events for the next taker, one after
 * it leaves the runs (which any engine resumes). On PostgreSQL the taken rows stay locked until the
 * commit and other servers skip them (`FOR UPDATE SKIP LOCKED`): the lock is the lease, and it ends
 * with the transaction or the connection of a process that died. Per record, strictly in order: only
 * an event with no earlier one of its record left is taken. Events nobody takes (no engine runs) are
 * dropped by `prune` once old.
 */
export class RecordEventOutbox {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  /** Takes up to `limit` events in order, starts the runs `plan` gives for them, and removes them. */
  async take(options: TakeRecordEvents): Promise<TakenRecordEvents> {
    return this.db.transaction(async (tx) => {
      const lock = tx.name === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
      const rows = await tx.query<OutboxRow>(
        `SELECT * FROM record_outbox o WHERE NOT EXISTS (
           SELECT 1 FROM record_outbox e WHERE e.record_id = o.record_id AND e.seq < o.seq)
         ORDER BY seq LIMIT ?${lock}`,
        [options.limit],
      );
      if (rows.length === 0) return { events: 0, started: [] };
      // Who heard each event: read in this transaction, so a workflow published meanwhile is seen here.
      const listeners = await recordListeners(tx);
      const events = rows.map((row): HeardRecordEvent => {
        const event = toEvent(row);
        const heardBy = listeners.filter(
          (l) => l.formId === event.formId && l.operation === event.operation && l.afterSeq < event.seq,
        );
        return { ...event, listeners: heardBy.map(({ workflowId, version }) => ({ workflowId, version })) };
      });
      const wanted = events.filter((event) => options.wants(event));
      const runs = wanted.length > 0 ? options.plan(await this.withData(tx, wanted)) : [];
      const started = runs.length > 0 ? await insertNewRuns(tx, runs, this.now()) : [];
      await tx.run(`DELETE FROM record_outbox WHERE ${seqIn(tx, 'seq')}`, [seqsOf(tx, events)]);
      return { events: events.length, started };
    });
  }

  /**
   * Deletes the events written before `before` that nobody took — no engine ran while they waited —
   * `batch` at a time, each batch in its own transaction (rows another server is taking are skipped);
   * returns how many.
   */
  async prune(before: string, batch = 1000): Promise<number> {
    const lock = this.db.name === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    let pruned = 0;
    for (;;) {
      const { changes } = await this.db.transaction((tx) =>
        tx.run(
          `DELETE FROM record_outbox WHERE seq IN (
             SELECT seq FROM record_outbox WHERE created_at < ? ORDER BY seq LIMIT ?${lock})`,
          [before, batch],
        ),
      );
      pruned += changes;
      if (changes < batch) return pruned;
    }
  }

  /** Who listens to which changes of which form, since which event (kept as workflows are published). */
  listeners(): Promise<RecordListener[]> {
    return recordListeners(this.db);
  }

  /** How many events are waiting (taken ones included until their transaction commits). */
  async pending(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM record_outbox');
    return Number(row?.n ?? 0);
  }

  // The records' owners, creators and values at each event's revision and the one before, in one query.
  private async withData(tx: Dialect, events: readonly HeardRecordEvent[]): Promise<RecordEventData[]> {
    const rows = await tx.query<DataRow>(
      `SELECT o.seq, r.owner_id, r.created_by, h.data AS data, p.data AS old_data
       FROM record_outbox o JOIN records r ON r.id = o.record_id
       LEFT JOIN record_history h ON h.record_id = o.record_id AND h.revision = o.revision
       LEFT JOIN record_history p ON p.record_id = o.record_id AND p.revision = o.revision - 1
       WHERE ${seqIn(tx, 'o.seq')}`,
      [seqsOf(tx, events)],
    );
    const bySeq = new Map(rows.map((row) => [Number(row.seq), row]));
    return events.flatMap((event) => {
      const row = bySeq.get(event.seq);
      if (!row?.data) return [];
      return [
        {
          ...event,
          ownerId: row.owner_id,
          createdBy: row.created_by,
          data: json(row.data),
          old: row.old_data && event.operation !== 'create' ? json(row.old_data) : {},
        },
      ];
    });
  }
}
