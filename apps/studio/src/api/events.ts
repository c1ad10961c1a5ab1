import { useEffect } from 'react';

/** A record change the server pushed (`event: record` on /api/events). */
export interface RecordChangeEvent {
  readonly type: string;
  readonly formId: string;
  readonly recordId?: string;
}

type Listener = (change: RecordChangeEvent) => void;

// One EventSource per tab, shared by every board and list that listens; opened on the first listener
// and closed after the last. EventSource reconnects by itself; the server has no replay, so the
// reconnect is announced as a change of every form ("*") and listeners refetch.
const listeners = new Set<Listener>();
let source: EventSource | undefined;

function open(): void {
  source = new EventSource('/api/events', { withCredentials: true });
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) for (const listener of listeners) listener({ type: 'reconnected', formId: '*' });
    opened = true;
  });
  source.addEventListener('record', (event) => {
    let change: RecordChangeEvent;
    try {
      change = JSON.parse((event as MessageEvent<string>).data) as RecordChangeEvent;
    } catch {
      return;
    }
    for (const listener of listeners) listener(change);
  });
}

/** Listens to record changes the caller may see; returns the unsubscribe. */
export function subscribeToRecordChanges(listener: Listener): () => void {
  listeners.add(listener);
  if (!source && typeof EventSource !== 'undefined') open();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      source?.close();
      source = undefined;
    }
  };
}

/** Calls `onChange` for each pushed record change while the component is mounted. */
export function useRecordChanges(onChange: Listener): void {
  useEffect(() => subscribeToRecordChanges(onChange), [onChange]);
}
