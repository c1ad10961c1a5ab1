/**
 * A record change boards and lists refresh on. Workflows do not depend on hearing it: the record's
 * write left an event in the store's outbox, and this only wakes the engine to take it.
 */
export type RecordEvent = {
  readonly type: 'record.created' | 'record.updated' | 'record.deleted' | 'records.imported';
  readonly formId: string;
  /** The record (empty for an import, which announces the form only). */
  readonly recordId: string;
  readonly ownerId: string;
  readonly orgUnitId: string | null;
  /**
   * The record's revision after the change (absent for an import): a board that already shows a later
   * revision knows the push is stale.
   */
  readonly revision?: number;
  /** Set when a workflow step made the change: boards refresh, but no workflow starts from it. */
  readonly byWorkflow?: true;
};

/** How far a long import has got; only the user who started it hears it. */
export type ImportProgressEvent = {
  readonly type: 'import.progress';
  readonly formId: string;
  readonly userId: string;
  readonly rows: number;
};

/** A change other clients should hear about. Small: it travels in a NOTIFY. */
export type ChangeEvent = RecordEvent | ImportProgressEvent;

/** Delivers change events to every listener of every server process sharing the store. */
export interface EventBus {
  publish(event: ChangeEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  close(): Promise<void>;
}

/** The listener set both buses deliver through. */
export class Listeners {
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  add(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(event: ChangeEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
