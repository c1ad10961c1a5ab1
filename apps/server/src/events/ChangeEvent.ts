/** A change other clients should hear about (boards refresh, inboxes update). Small: it travels in a NOTIFY. */
export type ChangeEvent = {
  readonly type: 'record.created' | 'record.updated' | 'record.deleted';
  readonly formId: string;
  readonly recordId: string;
  readonly ownerId: string;
  readonly orgUnitId: string | null;
};

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
