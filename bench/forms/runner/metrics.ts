/** The columns of the tables: what each reports and how it is summarised. Lower is better for all. */
import type { LibraryResult } from './results.ts';
import { median, percentile } from './stats.ts';

export type MetricId =
  | 'mount'
  | 'keyJs50'
  | 'keyJs95'
  | 'keyCommit50'
  | 'keyPaint50'
  | 'keyPaint95'
  | 'submitValid'
  | 'submitInvalid'
  | 'heap'
  | 'gzip';

export interface Metric {
  readonly id: MetricId;
  /** Column header (two lines). */
  readonly header: readonly [string, string];
  readonly value: (r: LibraryResult) => number;
  readonly format: (value: number) => string;
}

const msText = (v: number) =>
  !Number.isFinite(v) ? '–' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
const mb = (v: number) => (Number.isFinite(v) ? (v / 1e6).toFixed(1) : '–');
const kb = (v: number) => (Number.isFinite(v) ? (v / 1024).toFixed(0) : '–');

export const METRICS: readonly Metric[] = [
  { id: 'mount', header: ['mount', 'ms'], value: (r) => median(r.mount), format: msText },
  { id: 'keyJs50', header: ['key JS', 'p50 ms'], value: (r) => percentile(r.keyScript, 50), format: msText },
  { id: 'keyJs95', header: ['key JS', 'p95 ms'], value: (r) => percentile(r.keyScript, 95), format: msText },
  {
    id: 'keyCommit50',
    header: ['key→commit', 'p50 ms'],
    value: (r) => percentile(r.keyCommit, 50),
    format: msText,
  },
  {
    id: 'keyPaint50',
    header: ['key→paint', 'p50 ms'],
    value: (r) => percentile(r.keyPaint, 50),
    format: msText,
  },
  {
    id: 'keyPaint95',
    header: ['key→paint', 'p95 ms'],
    value: (r) => percentile(r.keyPaint, 95),
    format: msText,
  },
  { id: 'submitValid', header: ['submit', 'valid ms'], value: (r) => median(r.submitValid), format: msText },
  {
    id: 'submitInvalid',
    header: ['submit', '10% bad ms'],
    value: (r) => median(r.submitInvalid),
    format: msText,
  },
  { id: 'heap', header: ['heap', 'MB'], value: (r) => median(r.heap), format: mb },
  { id: 'gzip', header: ['gzip', 'KB'], value: (r) => r.gzip, format: kb },
];

export function metric(id: MetricId): Metric {
  const found = METRICS.find((m) => m.id === id);
  if (!found) throw new Error(`no metric ${id}`);
  return found;
}
