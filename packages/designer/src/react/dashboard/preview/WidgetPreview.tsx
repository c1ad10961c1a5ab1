import {
  BUILT_IN_RENDERERS,
  createValueFormatter,
  dashboardMessages,
  type WidgetContext,
  type WidgetProps,
} from '@formboard/dashboard';
import { type ComponentType, type ReactNode, useMemo } from 'react';
import type { Widget } from '../../../dashboard/dashboardTypes.ts';
import { useDashboardDesigner } from '../DashboardDesignerContext.ts';
import { PreviewBoundary } from './PreviewBoundary.tsx';
import { usePreviewRows } from './usePreviewRows.ts';

const sameName = (_field: string, value: string) => value;

/** The note shown instead of a preview. */
function Note({ text, role }: { readonly text: string; readonly role?: 'status' | 'alert' }): ReactNode {
  return (
    <p className="fbdd-preview-note" role={role}>
      {text}
    </p>
  );
}

/**
 * A widget drawn by @formboard/dashboard's own renderer from the rows `previewLoader` gives, exactly
 * as the board will show it; loading, empty, error and "choose a source" states in between.
 */
export function WidgetPreview({
  widget,
  height,
}: {
  readonly widget: Widget;
  readonly height: number;
}): ReactNode {
  const { locale, messages, previewLoader, previewDebounceMs, now } = useDashboardDesigner();
  const state = usePreviewRows(widget, previewLoader, previewDebounceMs);
  const context = useMemo<WidgetContext>(
    () => ({
      locale,
      format: createValueFormatter(locale),
      messages: dashboardMessages(locale),
      nameOf: sameName,
      height,
      animate: false,
      now,
    }),
    [locale, height, now],
  );
  const Renderer = BUILT_IN_RENDERERS[widget.type] as ComponentType<WidgetProps> | undefined;
  if (!Renderer) return <Note text={messages.noPreview} />;
  if (state.status === 'needsSource') return <Note text={messages.chooseSource} />;
  if (state.status === 'loading') return <Note text={messages.loading} role="status" />;
  if (state.status === 'error') {
    const reason = state.error instanceof Error ? state.error.message : String(state.error);
    return <Note text={`${messages.previewError}: ${reason}`} role="alert" />;
  }
  const rows = state.status === 'ready' ? state.rows : [];
  if (state.status === 'ready' && rows.length === 0 && widget.type !== 'alertList')
    return <Note text={messages.empty} />;
  return (
    <PreviewBoundary resetKey={widget} fallback={<Note text={messages.noPreview} />}>
      <Renderer widget={widget} rows={rows} context={context} />
    </PreviewBoundary>
  );
}
