import type { DashboardWidget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import type { ReactNode } from 'react';
import { type FilterValues, queryOf, type WidgetLoader } from '../core/types.ts';
import { rendererFor, type WidgetRenderers } from './registry.ts';
import { useWidgetRows } from './useWidgetRows.ts';
import type { WidgetContext } from './WidgetContext.ts';

/** Props of {@link WidgetSlot}. */
export interface WidgetSlotProps {
  readonly widget: DashboardWidget;
  readonly loader: WidgetLoader;
  readonly filters: FilterValues;
  /** Bumped to reload the widget's rows (a record change reached its source form). */
  readonly version: number;
  readonly renderers: WidgetRenderers;
  readonly context: WidgetContext;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One widget in its frame: title, then the loading, error, empty or rendered state. */
export function WidgetSlot({
  widget,
  loader,
  filters,
  version,
  renderers,
  context,
}: WidgetSlotProps): ReactNode {
  const { messages, locale } = context;
  const Renderer = rendererFor(renderers, widget);
  const needsRows = queryOf(widget) !== undefined && Renderer !== undefined;
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
        <p>{messages.errorHint}</p>
        <button type="button" onClick={retry}>
          {messages.retry}
        </button>
      </div>
    );
  else if (state.rows.length === 0)
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
  return (
    <section
      className="fb-widget"
      data-widget-id={widget.id}
      aria-label={title ?? widget.id}
      aria-busy={needsRows && busy ? true : undefined}
    >
      {title !== undefined && <h2 className="fb-widget-title">{title}</h2>}
      <div className="fb-widget-body">{body}</div>
    </section>
  );
}
