/**
 * Where a stretch of the page's main thread went, from a Chromium trace (the DevTools "timeline"
 * categories): each event's self time (its duration less the events nested in it) on the renderer's
 * main thread, summed by the DevTools Performance panel's groups — scripting, style, layout, paint
 * and compositing, garbage collection, other.
 */

/** One event of a Chromium trace (Trace Event Format, "X" complete events are the ones used). */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

/** The groups a main-thread millisecond is put in. */
export type TimelineGroup = 'scripting' | 'style' | 'layout' | 'paint' | 'gc' | 'other';

// Event names as DevTools groups them (its TimelineUIUtils categories), for the events this page emits.
const GROUPS: Readonly<Record<string, TimelineGroup>> = {
  FunctionCall: 'scripting',
  EvaluateScript: 'scripting',
  'v8.evaluateModule': 'scripting',
  'v8.compile': 'scripting',
  'v8.compileModule': 'scripting',
  'V8.CompileCode': 'scripting',
  'v8.run': 'scripting',
  'v8.callFunction': 'scripting',
  RunMicrotasks: 'scripting',
  TimerFire: 'scripting',
  FireAnimationFrame: 'scripting',
  EventDispatch: 'scripting',
  XHRReadyStateChange: 'scripting',
  'V8.Execute': 'scripting',
  ParseHTML: 'scripting',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  InvalidateLayout: 'layout',
  ScheduleStyleRecalculation: 'style',
  HitTest: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  UpdateLayerTree: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
  'Document::updateStyleAndLayout': 'other',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GC_MARK_COMPACTOR': 'gc',
  BlinkGC: 'gc',
  'BlinkGC.AtomicPhase': 'gc',
  'CppGC.AtomicPhase': 'gc',
};

/** The renderer main thread of the traced tab: the CrRendererMain thread with the most events. */
function mainThread(events: readonly TraceEvent[]): string | undefined {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const counts = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Milliseconds of the main thread's self time per group, and the busiest event names. */
export function summarizeTimeline(events: readonly TraceEvent[]): {
  readonly groups: ReadonlyMap<TimelineGroup, number>;
  readonly names: ReadonlyMap<string, number>;
} {
  const thread = mainThread(events);
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && `${e.pid}:${e.tid}` === thread)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const names = new Map<string, number>();
  // A stack of open spans; each span's self time is its duration less its direct children's.
  const stack: { readonly event: TraceEvent; readonly end: number; self: number }[] = [];
  const close = (until: number) => {
    for (let top = stack.at(-1); top && top.end <= until; top = stack.at(-1)) {
      stack.pop();
      names.set(top.event.name, (names.get(top.event.name) ?? 0) + top.self / 1000);
    }
  };
  for (const event of spans) {
    close(event.ts);
    const dur = event.dur ?? 0;
    const parent = stack.at(-1);
    if (parent) parent.self -= dur;
    stack.push({ event, end: event.ts + dur, self: dur });
  }
  close(Number.POSITIVE_INFINITY);
  const groups = new Map<TimelineGroup, number>();
  for (const [name, ms] of names) {
    const group = GROUPS[name] ?? 'other';
    groups.set(group, (groups.get(group) ?? 0) + ms);
  }
  return { groups, names };
}
