/**
 * What the runner and the pages agree on: the libraries, the fixture files the runner writes next to
 * the built pages, and the `window.bench` API every page exposes.
 */

export const LIBRARIES = ['formboard', 'rhf', 'rjsf', 'jsonforms', 'formily', 'surveyjs'] as const;
export type LibraryId = (typeof LIBRARIES)[number];

export const BASELINE: LibraryId = 'rhf';
/** The schema-driven peers: "best schema-driven peer" is the best of these on each metric. */
export const SCHEMA_PEERS: readonly LibraryId[] = ['rjsf', 'jsonforms', 'formily', 'surveyjs'];

export const LABELS: Readonly<Record<LibraryId, string>> = {
  formboard: 'formboard',
  rhf: 'react-hook-form',
  rjsf: '@rjsf/core',
  jsonforms: 'JSON Forms',
  formily: 'Formily',
  surveyjs: 'SurveyJS',
};

export type DataSet = 'valid' | 'invalid';

/** Facts about one generated size, in fixtures/<size>/meta.json. */
export interface FixtureMeta {
  readonly size: number;
  /** Data key of the field typed into, and the id of its section. */
  readonly middle: string;
  readonly middleSection: string;
  readonly tableKey: string;
  readonly tableRows: number;
  /** Fields wrong in the invalid data set. */
  readonly invalidCount: number;
}

export const fixtureUrl = {
  meta: (size: number) => `/fixtures/${size}/meta.json`,
  form: (size: number, library: LibraryId) => `/fixtures/${size}/${library}.form.json`,
  data: (size: number, library: LibraryId, data: DataSet) => `/fixtures/${size}/${library}.${data}.json`,
};

export interface MountRequest {
  readonly size: number;
  readonly data: DataSet;
}

export interface MountResult {
  /** Start of rendering → the first paint that shows the whole form (its middle field, and a control for every field and table row). */
  readonly ms: number;
  /** Start of rendering → the end of the task that rendered it (flushSync, with its effects; JavaScript only). */
  readonly jsMs: number;
  /** Form controls (input, select, textarea) in the page after mounting. */
  readonly controls: number;
}

export interface KeystrokeSample {
  /** Wall-clock time of the tasks the key press ran in, each from its first key/input event to its end (so React's commit). */
  readonly commitMs: number;
  /** keydown → the end of the first frame painted after the input event. */
  readonly paintMs: number;
  /** Tasks the key press was handled in. */
  readonly tasks: number;
}

export interface SubmitSample {
  /** submit → the first paint after the result (errors shown). */
  readonly ms: number;
  /** submit → the validation result is known and its commit is done (JavaScript only). */
  readonly jsMs: number;
  readonly ok: boolean;
  /** Fields with an error, counted by the library's own result. */
  readonly errors: number;
}

export interface BenchApi {
  readonly library: LibraryId;
  /** Fetches the fixtures (not timed), then mounts the form and times it. */
  mount(request: MountRequest): Promise<MountResult>;
  /** CSS selector of the middle field's input (marked by the page). */
  readonly middleSelector: string;
  /** Starts listening for the next key press. */
  armKeystroke(): void;
  /** The measurement of the key press since armKeystroke, once it has been painted. */
  keystroke(): Promise<KeystrokeSample>;
  /** usedJSHeapSize in bytes after a forced garbage collection. */
  heap(): number;
  submit(): Promise<SubmitSample>;
}

declare global {
  interface Window {
    bench?: BenchApi;
  }
}
