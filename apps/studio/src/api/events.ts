/** A record change the server pushed (`event: record` on /api/events). */
export interface RecordChangeEvent {
  readonly type: string;
  readonly formId: string;
  readonly recordId?: string;
}

type Listener = (change: RecordChangeEvent) => void;

/** The caller's own import progress (`event: progress`): rows read so far. */
export interface ImportProgressEvent {
  readonly formId: string;
  readonly rows: number;
}

type ProgressListener = (progress: ImportProgressEvent) => void;

// One EventSource per tab, shared by every board and list that listens; opened on the first listener
// and closed after the last. EventSource reconnects by itself; the server has no replay, so the
// reconnect is announced as a change of every form ("*") and listeners refetch.
const listeners = new Set<Listener>();
const progressListeners = new Set<ProgressListener>();
let source: EventSource | undefined;

function parse<T>(event: Event): T | undefined {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return undefined;
  }
}

function open(): void {
  source = new EventSource('/api/events', { withCredentials: true });
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) for (const listener of listeners) listener({ type: 'reconnected', formId: '*' });
    opened = true;
  });
  source.addEventListener('record', (event) => {
    const change = parse<RecordChangeEvent>(event);
    if (change) for (const listener of listeners) listener(change);
  });
  source.addEventListener('progress', (event) => {
    const progress = parse<ImportProgressEvent>(event);
    if (progress) for (const listener of progressListeners) listener(progress);
  });
}

function release(): void {
  if (listeners.size === 0 && progressListeners.size === 0) {
    source?.close();
    source = undefined;
  }
}

/** Listens to record changes the caller may see; returns the unsubscribe. */
export function subscribeToRecordChanges(listener: Listener): () => void {
  listeners.add(listener);
  if (!source && typeof EventSource !== 'undefined') open();
  return () => {
    listeners.delete(listener);
    release();
  };
}

/** Listens to the progress of the caller's own imports; returns the unsubscribe. */
export function subscribeToImportProgress(listener: ProgressListener): () => void {
  progressListeners.add(listener);
  if (!source && typeof EventSource !== 'undefined') open();
  return () => {
    progressListeners.delete(listener);
    release();
  };
}
