import { useDraggable } from '@dnd-kit/core';
import { useLayoutEffect } from 'react';
import { NODE_DRAG_ID, type NodeDragSource } from './nodeDragSource.ts';

/**
 * The draggable of every canvas node (see NodeDragSource): a press on a handle makes that handle its
 * element (measured for the drag overlay, scrolled into view by keyboard drags) and activator, then goes
 * to dnd-kit's sensor listeners as if it had been on the draggable itself. Renders nothing; it is the only
 * part of the form designer's canvas that re-renders on every move of a node drag.
 */
export function NodeDragProxy({
  source,
  roleDescription,
}: {
  readonly source: NodeDragSource;
  readonly roleDescription: string;
}): null {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef } = useDraggable({
    id: NODE_DRAG_ID,
    attributes: { roleDescription },
  });
  const describedBy = attributes['aria-describedby'];
  useLayoutEffect(() => {
    source.describedBy = describedBy;
    source.press = (event, id) => {
      const handle = event.currentTarget;
      setNodeRef(handle);
      setActivatorNodeRef(handle);
      source.grabbed = id;
      if (event.type === 'pointerdown') listeners?.onPointerDown?.(event);
      else listeners?.onKeyDown?.(event);
    };
  }, [source, describedBy, listeners, setNodeRef, setActivatorNodeRef]);
  return null;
}
