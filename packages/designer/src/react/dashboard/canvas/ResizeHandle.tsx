import { useDraggable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { useDashboardDesigner } from '../DashboardDesignerContext.ts';
import type { Edge, GridDragData } from './dragData.ts';

/** A resize handle of a widget card: drag it, or focus it and press arrows, to resize by whole cells. */
export function ResizeHandle({
  id,
  edge,
  title,
}: {
  readonly id: string;
  readonly edge: Edge;
  readonly title: string;
}): ReactNode {
  const { designer, messages } = useDashboardDesigner();
  const data: GridDragData = { kind: 'resize', id, edge };
  const { attributes, listeners, setNodeRef } = useDraggable({ id: `resize:${id}:${edge}`, data });
  return (
    <button
      type="button"
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      className={`fbdd-resize fbdd-resize--${edge}`}
      aria-label={messages.resizeHandle(title, edge)}
      data-resize-for={id}
      onFocus={() => {
        if (!designer.getState().selection.includes(id)) designer.select([id]);
      }}
    />
  );
}
