import type { DashboardWidget } from '@formboard/schema';
import { type RecordChange, sourceOf } from './types.ts';

/** Options of {@link createRefresher}. */
export interface RefresherOptions {
  readonly widgets: readonly DashboardWidget[];
  /** After a reload, changes are collected until none came for this long, then reloaded once. */
  readonly debounceMs: number;
  /** Called with the ids of the widgets to reload. */
  readonly onRefresh: (widgetIds: ReadonlySet<string>) => void;
}

/** Collects record changes and names the widgets that read the changed forms. */
export interface Refresher {
  notify(change: RecordChange): void;
  dispose(): void;
}

/**
 * Creates a refresher: only widgets whose source form changed are reloaded (alert lists, which
 * workflows fill after record changes, on every change). The first change after a quiet spell
 * reloads at once, so a single submit shows without delay; further changes within `debounceMs` are
 * collected and reload once when they stop — a burst of N submits costs two reloads, not N.
 */
export function createRefresher({ widgets, debounceMs, onRefresh }: RefresherOptions): Refresher {
  const bySource = new Map<string, string[]>();
  const always: string[] = [];
  for (const widget of widgets) {
    const source = sourceOf(widget);
    if (source !== undefined) bySource.set(source, [...(bySource.get(source) ?? []), widget.id]);
    else if (widget.type === 'alertList') always.push(widget.id);
  }
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (pending.size === 0) return;
    const ids = pending;
    pending = new Set();
    onRefresh(ids);
  };
  return {
    notify(change) {
      const affected = bySource.get(change.formId);
      if (!affected && always.length === 0) return;
      for (const id of [...(affected ?? []), ...always]) pending.add(id);
      if (timer === undefined) flush();
      else clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        flush();
      }, debounceMs);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = new Set();
    },
  };
}
