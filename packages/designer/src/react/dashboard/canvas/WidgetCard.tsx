import { useDraggable } from '@dnd-kit/core';
import { localize } from '@formboard/schema';
import { memo, type PointerEvent, type ReactNode, useId, useRef } from 'react';
import type { Widget } from '../../../dashboard/dashboardTypes.ts';
import { useDashboardDesigner } from '../DashboardDesignerContext.ts';
import { WidgetPreview } from '../preview/WidgetPreview.tsx';
import type { GridDragData } from './dragData.ts';
import { useGridDrop } from './GridDnd.tsx';
import { boxHeight } from './gridGeometry.ts';
import { ResizeHandle } from './ResizeHandle.tsx';

/** The height of a card's title bar, taken from the preview's height. */
const HEAD_HEIGHT = 28;

/**
 * One widget on the grid: a card (click selects it, drag moves it) whose head is a button named by the
 * widget's title (focus selects it, arrows move it, Shift+arrows resize it), showing its live preview,
 * inert, and three resize handles (right edge, bottom edge, corner).
 */
export const WidgetCard = memo(function WidgetCard({
  widget,
  rowHeight,
  selected,
  problems,
}: {
  readonly widget: Widget;
  readonly rowHeight: number;
  readonly selected: boolean;
  readonly problems: number;
}): ReactNode {
  const { designer, messages, locale } = useDashboardDesigner();
  const { activeId } = useGridDrop();
  const helpId = useId();
  const data: GridDragData = { kind: 'move', id: widget.id };
  const { attributes, listeners, setNodeRef } = useDraggable({ id: `card:${widget.id}`, data });
  // Focus from a pointer press is followed by its click (which may toggle); only keyboard focus selects.
  const pressed = useRef(false);
  const title = localize(widget.title, locale) || widget.id;
  const { x, y, w, h } = widget.layout;
  return (
    <div
      className="fbdd-card"
      data-widget-id={widget.id}
      data-selected={selected || undefined}
      data-moving={activeId === widget.id || undefined}
      style={{ gridColumn: `${x + 1} / span ${w}`, gridRow: `${y + 1} / span ${h}` }}
    >
      {/* The body takes pointer presses (select, drag); its head is the button the keyboard uses. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the head button inside is the keyboard's way */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: see above */}
      <div
        ref={setNodeRef}
        {...listeners}
        className="fbdd-card-body"
        onPointerDown={(event: PointerEvent<HTMLDivElement>) => {
          pressed.current = true;
          listeners?.onPointerDown?.(event);
        }}
        onClick={(event) => {
          event.stopPropagation();
          if (event.ctrlKey || event.metaKey) designer.toggleSelection(widget.id);
          else designer.select([widget.id]);
        }}
      >
        {/* Named by its visible text (title and problems), so the name is what sighted users read. */}
        <button
          type="button"
          {...attributes}
          className="fbdd-card-head"
          aria-pressed={selected}
          aria-describedby={helpId}
          aria-roledescription={locale === 'zh-CN' ? '看板组件' : 'dashboard widget'}
          data-card-for={widget.id}
          onFocus={() => {
            if (!pressed.current && !designer.getState().selection.includes(widget.id))
              designer.select([widget.id]);
            pressed.current = false;
          }}
        >
          <span className="fbdd-card-title">{title}</span>
          {problems > 0 ? (
            <span className="fbdd-card-problems">{messages.widgetProblems(problems)}</span>
          ) : null}
        </button>
        <div className="fbdd-card-preview" inert>
          <WidgetPreview
            widget={widget}
            height={Math.max(rowHeight, boxHeight(h, rowHeight) - HEAD_HEIGHT)}
          />
        </div>
        <span id={helpId} className="fbd-visually-hidden">
          {messages.cardHelp}
        </span>
      </div>
      {(['e', 's', 'se'] as const).map((edge) => (
        <ResizeHandle key={edge} id={widget.id} edge={edge} title={title} />
      ))}
    </div>
  );
});
