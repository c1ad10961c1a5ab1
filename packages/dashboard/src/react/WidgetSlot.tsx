import type { DashboardWidget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import { type ReactNode, type RefObject, useRef } from 'react';
import type { DashboardMessages } from '../core/messages.ts';
import { type FilterValues, type Row, readsData, type WidgetLoader } from '../core/types.ts';
import { widgetCsv } from '../core/widgetCsv.ts';
import { download, fileName, svgToPng } from './exportFiles.ts';
import { rendererFor, type WidgetRenderers } from './registry.ts';
import { useWidgetRows } from './useWidgetRows.ts';
import type { WidgetContext } from './WidgetContext.ts';
import { CHART_TYPES } from './widgets/ChartWidgets.tsx';

/** Props of {@link WidgetSlot}. */
export interface WidgetSlotProps {
  readonly widget: DashboardWidget;
  readonly loader: WidgetLoader;
  readonly filters: FilterValues;
  /** Bumped to reload the widget's rows (a record change reached its source form). */
  readonly version: number;
  readonly renderers: WidgetRenderers;
  readonly context: WidgetContext;
  /** Hides the download buttons (a wall screen nobody clicks). */
  readonly kiosk?: boolean;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What to do about a failed load: by the HTTP status the error carries (`status`), else the general hint. */
function errorHint(error: unknown, messages: DashboardMessages): string {
  const status =
    error !== null && typeof error === 'object' && 'status' in error && typeof error.status === 'number'
      ? error.status
      : undefined;
  if (status === 401) return messages.errorHints.unauthorized;
  if (status === 403) return messages.errorHints.forbidden;
  if (status === 404) return messages.errorHints.notFound;
  return messages.errorHint;
}

/** The download buttons of a widget with data: CSV always, PNG for charts. */
function Downloads({
  widget,
  rows,
  context,
  title,
  frame,
}: {
  widget: DashboardWidget;
  rows: readonly Row[];
  context: WidgetContext;
  title: string;
  frame: RefObject<HTMLElement | null>;
}): ReactNode {
  const { messages, locale, nameOf, fieldLabel } = context;
  const csv = () => {
    const text = widgetCsv(widget, rows, {
      locale,
      messages,
      nameOf,
      ...(fieldLabel ? { fieldLabel } : {}),
      nowMs: context.now(),
    });
    if (text !== undefined)
      download(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName(title, 'csv'));
  };
  const png = async () => {
    const svg = frame.current?.querySelector('.fb-chart svg');
    if (svg instanceof SVGSVGElement) download(await svgToPng(svg), fileName(title, 'png'));
  };
  return (
    <span className="fb-widget-actions">
      {CHART_TYPES.has(widget.type) && (
        <button type="button" onClick={() => void png()} aria-label={`PNG – ${messages.exportPng}: ${title}`}>
          PNG
        </button>
      )}
      <button type="button" onClick={csv} aria-label={`CSV – ${messages.exportCsv}: ${title}`}>
        CSV
      </button>
    </span>
  );
}

/** One widget in its frame: title and downloads, then the loading, error, empty or rendered state. */
export function WidgetSlot({
  widget,
  loader,
  filters,
  version,
  renderers,
  context,
  kiosk = false,
}: WidgetSlotProps): ReactNode {
  const { messages, locale } = context;
  const frame = useRef<HTMLElement>(null);
  const Renderer = rendererFor(renderers, widget);
  const needsRows = readsData(widget) && Renderer !== undefined;
  const { state, retry } = useWidgetRows(widget.id, loader, filters, version, needsRows);
  const title = widget.title === undefined ? undefined : localize(widget.title, locale);
  let body: ReactNode;
  if (!Renderer) body = <p className="fb-widget-note">{messages.unsupported(widget.type)}</p>;
  else if (!needsRows) body = <Renderer widget={widget} rows={[]} context={context} />;
  else if (state.status === 'loading')
    body = (
      <p className="fb-widget-note" role="status">
        {messages.loading}
      </p>
    );
  else if (state.status === 'error')
    body = (
      <div className="fb-widget-note" role="alert">
        <p>
          <strong>{messages.error}</strong>: {errorText(state.error)}
        </p>
        <p>{errorHint(state.error, messages)}</p>
        <button type="button" onClick={retry}>
          {messages.retry}
        </button>
      </div>
    );
  else if (state.rows.length === 0 && widget.type !== 'alertList')
    body = (
      <div className="fb-widget-note">
        <p>
          <strong>{messages.empty}</strong>
        </p>
        <p>{messages.emptyHint}</p>
      </div>
    );
  else body = <Renderer widget={widget} rows={state.rows} context={context} />;
  const busy = state.status === 'loading' || (state.status === 'ready' && state.refreshing);
  const ready = needsRows && state.status === 'ready' && state.rows.length > 0;
  return (
    <section
      ref={frame}
      className="fb-widget"
      data-widget-id={widget.id}
      data-state={needsRows ? state.status : 'ready'}
      aria-label={title ?? widget.id}
      aria-busy={needsRows && busy ? true : undefined}
    >
      {(title !== undefined || (ready && !kiosk)) && (
        <div className="fb-widget-head">
          {title !== undefined && <h2 className="fb-widget-title">{title}</h2>}
          {ready && !kiosk && state.status === 'ready' && (
            <Downloads
              widget={widget}
              rows={state.rows}
              context={context}
              title={title ?? widget.id}
              frame={frame}
            />
          )}
        </div>
      )}
      {/* Charts fit their box; lists and tables may scroll, so keyboard users can focus and scroll them. */}
      {CHART_TYPES.has(widget.type) ? (
        <div className="fb-widget-body fb-widget-body--chart">{body}</div>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <div className="fb-widget-body" tabIndex={0}>
          {body}
        </div>
      )}
    </section>
  );
}
