import type { Row } from '@formboard/dashboard';
import { useEffect, useRef, useState } from 'react';
import type { Widget } from '../../../dashboard/dashboardTypes.ts';
import { readsSource, sourceOf } from '../../../dashboard/widgetDefaults.ts';
import type { PreviewLoader } from '../DashboardDesignerContext.ts';

/** Where a widget's preview rows are. */
export type PreviewState =
  | { readonly status: 'none' }
  | { readonly status: 'needsSource' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly rows: readonly Row[] }
  | { readonly status: 'error'; readonly error: unknown };

/**
 * What a widget's rows depend on: its query (or tree), or for an alert list the alerts themselves;
 * undefined for a widget that shows no data (text). Display options are not in it: changing a colour
 * redraws the rows at hand without asking the server again.
 */
export function previewKey(widget: Widget): string | undefined {
  if ('query' in widget) return JSON.stringify(widget.query);
  if (widget.type === 'alignmentTree') return JSON.stringify(widget.tree);
  if (widget.type === 'alertList') return 'alerts';
  return undefined;
}

/**
 * The preview rows of a widget from `loader`: loaded at once the first time, then again only when the
 * widget's query changes and stays unchanged for `debounceMs`; an answer to an older query is dropped.
 * The last rows stay on screen while newer ones load.
 */
export function usePreviewRows(widget: Widget, loader: PreviewLoader, debounceMs: number): PreviewState {
  const key = previewKey(widget);
  const needsSource = readsSource(widget.type) && !sourceOf(widget);
  const [state, setState] = useState<PreviewState>(() =>
    key === undefined ? { status: 'none' } : needsSource ? { status: 'needsSource' } : { status: 'loading' },
  );
  const latest = useRef(widget);
  latest.current = widget;
  const loaded = useRef(false);
  useEffect(() => {
    if (key === undefined || needsSource) {
      setState({ status: needsSource ? 'needsSource' : 'none' });
      loaded.current = false;
      return;
    }
    let live = true;
    const load = () => {
      setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
      loader(latest.current).then(
        (rows) => {
          if (live) setState({ status: 'ready', rows });
        },
        (error: unknown) => {
          if (live) setState({ status: 'error', error });
        },
      );
      loaded.current = true;
    };
    if (!loaded.current) {
      load();
      return () => {
        live = false;
      };
    }
    const timer = setTimeout(load, debounceMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, needsSource, loader, debounceMs]);
  return state;
}
