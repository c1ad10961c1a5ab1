/**
 * Main-thread work per frame from a Chromium trace (DevTools' timeline categories). A frame is the
 * time from the start of the task that runs one frame's requestAnimationFrame callbacks to the next
 * such task; its work is the
 * time the renderer's main thread spent in tasks within it (input events, dnd-kit, React, style,
 * layout, paint — whatever ran), so a frame that is late because of work in a task before it counts
 * that task. The breakdown sums the trace's own event kinds over the whole recording.
 */

/** The trace categories `frameWork` needs. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { readonly name?: string };
}

/** Work per frame and where the recording's main-thread time went, ms. */
export interface FrameWork {
  /** Main-thread busy time of each frame (between two animation frame callbacks). */
  readonly perFrame: readonly number[];
  /** Each frame's length: from its animation frame task's start to the next one's. */
  readonly intervals: readonly number[];
  /** Main-thread time by kind over the recording: script, style, layout, paint, other. */
  readonly breakdown: Readonly<Record<string, number>>;
}

const KINDS: Readonly<Record<string, string>> = {
  EventDispatch: 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  'v8.run': 'script',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
};

const overlap = (a0: number, a1: number, b0: number, b1: number) =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** The renderer main thread that ran the most animation frame callbacks (the measured page). */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'FireAnimationFrame')
      counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best) throw new Error('the trace has no animation frames');
  const [pid, tid] = best[0].split(':').map(Number);
  return { pid: pid ?? 0, tid: tid ?? 0 };
}

/** Top-level kinds only: time inside a script event is not counted again for a nested one. */
function addBreakdown(events: readonly TraceEvent[], breakdown: Record<string, number>): void {
  let openUntil = -1;
  let openKind = '';
  for (const e of events) {
    const kind = KINDS[e.name];
    if (!kind || e.dur === undefined) continue;
    if (e.ts < openUntil && (openKind === 'script' || openKind === kind)) continue;
    breakdown[kind] = (breakdown[kind] ?? 0) + e.dur / 1000;
    if (e.ts + e.dur > openUntil) {
      openUntil = e.ts + e.dur;
      openKind = kind;
    }
  }
}

/** Work per frame, and the breakdown, from the trace's JSON (what `browser.stopTracing()` returns). */
export function frameWork(traceJson: string): FrameWork {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const all = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const { pid, tid } = mainThread(all);
  const own = all.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = own.filter((e) => e.name === 'RunTask' && e.dur !== undefined);
  // A frame starts with the task that runs its animation frame callbacks (several callbacks, one frame).
  const starts = [
    ...new Set(
      own
        .filter((e) => e.name === 'FireAnimationFrame')
        .map((e) => tasks.find((t) => t.ts <= e.ts && e.ts < t.ts + (t.dur ?? 0))?.ts ?? e.ts),
    ),
  ];
  const perFrame: number[] = [];
  const intervals: number[] = [];
  for (let i = 0; i + 1 < starts.length; i += 1) {
    const from = starts[i] ?? 0;
    const to = starts[i + 1] ?? 0;
    let busy = 0;
    for (const task of tasks) busy += overlap(task.ts, task.ts + (task.dur ?? 0), from, to);
    perFrame.push(busy / 1000);
    intervals.push((to - from) / 1000);
  }
  const breakdown: Record<string, number> = {};
  const first = starts[0] ?? 0;
  const last = starts[starts.length - 1] ?? 0;
  addBreakdown(
    own.filter((e) => e.ts >= first && e.ts < last),
    breakdown,
  );
  const busy = tasks.reduce((sum, t) => sum + overlap(t.ts, t.ts + (t.dur ?? 0), first, last), 0) / 1000;
  const known = Object.values(breakdown).reduce((a, b) => a + b, 0);
  breakdown.other = Math.max(0, busy - known);
  return { perFrame, intervals, breakdown };
}
