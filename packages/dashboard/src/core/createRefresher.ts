import type { DashboardWidget } from '@formboard/schema';
import { queryOf, type RecordChange } from './types.ts';

/** Options of {@link createRefresher}. */
export interface RefresherOptions {
  readonly widgets: readonly DashboardWidget[];
  /** Quiet time after the last change before reloading (a burst of submits reloads once). */
  readonly debounceMs: number;
  /** Called with the ids of the widgets to reload. */
  readonly onRefresh: (widgetIds: ReadonlySet<string>) => void;
}

/** Collects record changes and, once they settle, names the widgets whose query reads those forms. */
export interface Refresher {
  notify(change: RecordChange): void;
  dispose(): void;
}

/** Creates a debounced refresher: only widgets whose `query.source` changed are reloaded. */
export function createRefresher({ widgets, debounceMs, onRefresh }: RefresherOptions): Refresher {
  const bySource = new Map<string, string[]>();
  for (const widget of widgets) {
    const source = queryOf(widget)?.source;
    if (source !== undefined) bySource.set(source, [...(bySource.get(source) ?? []), widget.id]);
  }
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    notify(change) {
      const affected = bySource.get(change.formId);
      if (!affected) return;
      for (const id of affected) pending.add(id);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const ids = pending;
        pending = new Set();
        onRefresh(ids);
      }, debounceMs);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = new Set();
    },
  };
}
