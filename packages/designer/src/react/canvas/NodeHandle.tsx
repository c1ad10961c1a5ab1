import { useDraggable } from '@dnd-kit/core';
import { memo, type ReactNode } from 'react';
import { useDesignerContext } from '../DesignerContext.ts';
import type { DragData } from '../dnd/dragSubject.ts';

/**
 * A node's drag handle: the draggable (pointer, or Space for the keyboard), and the node's keyboard
 * focus (focusing it selects the node). A component of its own so that dnd-kit's context changes
 * during a drag re-render the handles, not the nodes and their previews.
 */
export const NodeHandle = memo(function NodeHandle({
  id,
  label,
  selected,
}: {
  readonly id: string;
  readonly label: string;
  readonly selected: boolean;
}): ReactNode {
  const { designer, messages } = useDesignerContext();
  const data: DragData = { kind: 'node', id };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: `node:${id}`,
    data,
    attributes: { roleDescription: messages.draggableComponent },
  });
  return (
    <button
      type="button"
      ref={(element) => {
        setNodeRef(element);
        setActivatorNodeRef(element);
      }}
      className={`fbd-handle${isDragging ? ' fbd-handle--dragging' : ''}`}
      {...attributes}
      {...listeners}
      aria-label={messages.moveHandle(label)}
      aria-pressed={selected}
      data-handle-for={id}
      onFocus={() => {
        if (!designer.getState().selection.includes(id)) designer.select([id]);
      }}
    >
      ⠿
    </button>
  );
});
