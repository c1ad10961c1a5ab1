/** The benchmark's table: each measure's p50 / p95 / max, the goal where the issue gives one, and the verdict. */
import { median, percentile } from '../forms/runner/stats.ts';
import { textTable } from '../forms/runner/textTable.ts';
import type { DragSample } from './browserInput.ts';
import type { NodeUndoTimes } from './nodeUndo.ts';
import type { InteractionTiming } from './protocol.ts';

/** One row of the table. */
export interface Row {
  readonly measure: string;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** The goal for the p95, when it has one. */
  readonly goalP95?: number;
  readonly note?: string;
}

/** The ~60 Hz frame interval a frame that is on time has (headless Chromium draws at 60 Hz). */
export const VSYNC_MS = 1000 / 60;

const ms = (value: number) =>
  Number.isFinite(value)
    ? value >= 100
      ? Math.round(value).toLocaleString('en-US')
      : value.toFixed(value < 1 ? 3 : 1)
    : '–';

/** p50 / p95 / max of samples as a row. */
export function row(measure: string, samples: readonly number[], extra: Partial<Row> = {}): Row {
  return {
    measure,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
    ...extra,
  };
}

/** Frames that were not drawn: an interval of n vsyncs means n − 1 frames were dropped. */
export function droppedFrames(intervals: readonly number[]): number {
  return intervals.reduce((sum, i) => sum + Math.max(0, Math.round(i / VSYNC_MS) - 1), 0);
}

/** The rows of a designer's drag: work per frame (the goal) and the frame intervals seen in the page. */
export function dragRows(name: string, drags: readonly DragSample[], goal?: number): Row[] {
  const work = drags.flatMap((d) => d.perFrame);
  const intervals = drags.flatMap((d) => d.intervals);
  const dropped = droppedFrames(intervals);
  const expected = intervals.reduce((a, b) => a + b, 0) / VSYNC_MS;
  return [
    row(`${name}: main-thread work per frame while dragging`, work, {
      ...(goal === undefined ? {} : { goalP95: goal }),
      note: `${work.length} frames (page's rAF loop: ${drags.reduce((n, d) => n + d.pageFrames, 0)}), ${drags.length} drags, ${drags.reduce((n, d) => n + d.moves, 0)} moves`,
    }),
    row(`${name}: frame interval while dragging`, intervals, {
      note: `${dropped} of ~${Math.round(expected)} frames dropped (${((100 * dropped) / Math.max(1, expected)).toFixed(0)}%)`,
    }),
  ];
}

/** Rows of interactions timed to the paint (and to the commit, as a note). */
export function interactionRow(measure: string, timings: readonly InteractionTiming[], goal?: number): Row {
  return row(
    measure,
    timings.map((t) => t.paintMs),
    {
      ...(goal === undefined ? {} : { goalP95: goal }),
      note: `${timings.length} samples; to the DOM change p50 ${ms(
        percentile(
          timings.map((t) => t.commitMs),
          50,
        ),
      )} ms`,
    },
  );
}

/** The headless undo row. */
export function nodeUndoRows(times: NodeUndoTimes): Row[] {
  return [
    {
      measure: `Node: undo of a ${times.steps.toLocaleString('en-US')}-step history, per step`,
      p50: times.undoP50,
      p95: times.undoP95,
      max: times.undoMax,
      note: `all ${times.steps.toLocaleString('en-US')}: ${ms(times.undoTotalMs)} ms; redo all: ${ms(times.redoTotalMs)} ms`,
    },
    {
      measure: 'Node: undo + toDefinition() (validation), per step',
      p50: Number.NaN,
      p95: times.undoCheckP95,
      max: Number.NaN,
      note: `all ${times.steps.toLocaleString('en-US')}: ${ms(times.undoCheckTotalMs)} ms`,
    },
  ];
}

/** The table as text, with a verdict column for rows that have a goal. */
export function formatTable(rows: readonly Row[]): string {
  return textTable(
    [['measure (ms)', 'p50', 'p95', 'max', 'goal (p95)', 'met', 'note']],
    rows.map((r) => [
      r.measure,
      ms(r.p50),
      ms(r.p95),
      ms(r.max),
      r.goalP95 === undefined ? '' : `< ${r.goalP95}`,
      r.goalP95 === undefined ? '' : r.p95 < r.goalP95 ? 'met' : 'NOT MET',
      r.note ?? '',
    ]),
  );
}

/** The median of mounts, as a row note. */
export const mountRow = (name: string, mounts: readonly number[]): Row =>
  row(`${name}: mount → painted`, mounts, { note: `median ${ms(median(mounts))} ms of ${mounts.length}` });
