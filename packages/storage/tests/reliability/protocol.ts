// What the writer child process (writer.ts) and the tests that drive it say to each other: one JSON
// object per line, commands on the child's stdin, messages on its stdout. A message is printed only
// after the write it reports has been acknowledged (its promise resolved, i.e. committed).

/** The definition every reliability run writes versions of (the KPI scorecard fixture). */
export const FORM_ID = 'kpi-scorecard';

/** A line the writer prints. */
export type WriterMessage =
  /** The store is open. */
  | { readonly kind: 'ready'; readonly pid: number }
  /** Crash mode: a definition version was saved. */
  | { readonly kind: 'version'; readonly version: number; readonly hash: string }
  /** Crash mode: records were inserted (one, or several in one bulk insert). */
  | { readonly kind: 'records'; readonly records: readonly { id: string; employee: string }[] }
  /** Race mode: the head version this process will save from. */
  | { readonly kind: 'read'; readonly version: number }
  /** Race mode: the save succeeded. */
  | { readonly kind: 'saved'; readonly version: number; readonly hash: string }
  /** Race mode: the save was refused with a VersionConflictError. */
  | { readonly kind: 'conflict'; readonly baseVersion: number; readonly currentVersion: number }
  /** Anything else went wrong; the writer exits. */
  | { readonly kind: 'error'; readonly message: string };

/** A line the test sends to a race-mode writer. */
export type WriterCommand =
  /** Read the head version (reply `read`). */
  | { readonly cmd: 'read' }
  /** Save from the version last read, at wall-clock time `at` (ms since the epoch). */
  | { readonly cmd: 'save'; readonly at: number; readonly title: string }
  /** Close the store and exit. */
  | { readonly cmd: 'exit' };

/** The employee name of the n-th record a crash-mode writer enters in a round: traceable afterwards. */
export function employeeName(round: number, n: number): string {
  return `r${round}-e${n}`;
}
