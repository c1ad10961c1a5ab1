import { useCallback, useEffect, useState } from 'react';
import type { FilterValues, Row, WidgetLoader } from '../core/types.ts';

/** A widget's data: loading the first time, then rows or an error. */
export type WidgetRowsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly rows: readonly Row[]; readonly refreshing: boolean }
  | { readonly status: 'error'; readonly error: unknown };

/**
 * Loads a widget's rows and reloads them when the filters or `version` change. While a reload runs
 * the previous rows stay on screen (no flicker); a stale answer that arrives late is dropped.
 */
export function useWidgetRows(
  widgetId: string,
  loader: WidgetLoader,
  filters: FilterValues,
  version: number,
  enabled: boolean,
): { state: WidgetRowsState; retry: () => void } {
  const [state, setState] = useState<WidgetRowsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version and attempt are reload triggers
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState((previous) =>
      previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' },
    );
    loader(widgetId, filters).then(
      (rows) => {
        if (current) setState({ status: 'ready', rows, refreshing: false });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error });
      },
    );
    return () => {
      current = false;
    };
  }, [widgetId, loader, filters, version, attempt, enabled]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
