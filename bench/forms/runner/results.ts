/** The samples gathered for one library at one size. */
import type { LibraryId } from '../protocol.ts';

export interface SubmitOutcome {
  readonly ok: boolean;
  readonly errors: number;
}

export interface LibraryResult {
  readonly library: LibraryId;
  /** Start of rendering → first paint of the whole form (ms), valid data. */
  readonly mount: number[];
  /** usedJSHeapSize after mount and a forced GC (bytes). */
  readonly heap: number[];
  /** Key press: CPU time in script (ms, DevTools). */
  readonly keyScript: number[];
  /** Key press: wall-clock time of its tasks up to React's commit (ms, in the page). */
  readonly keyCommit: number[];
  /** Key press: keydown → after the next paint (ms). */
  readonly keyPaint: number[];
  /** Submit → first paint after the result (ms). */
  readonly submitValid: number[];
  readonly submitInvalid: number[];
  readonly validOutcomes: SubmitOutcome[];
  readonly invalidOutcomes: SubmitOutcome[];
  /** Form controls in the page after mounting. */
  controls: number;
  /** Gzipped JS (and CSS) the page loads (bytes). */
  gzip: number;
  /** Set when a measurement failed; the library's remaining measurements at this size are skipped. */
  failure?: string;
}

export function emptyResult(library: LibraryId, gzip: number): LibraryResult {
  return {
    library,
    mount: [],
    heap: [],
    keyScript: [],
    keyCommit: [],
    keyPaint: [],
    submitValid: [],
    submitInvalid: [],
    validOutcomes: [],
    invalidOutcomes: [],
    controls: 0,
    gzip,
  };
}
