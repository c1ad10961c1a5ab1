import { useDroppable } from '@dnd-kit/core';
import { useCallback } from 'react';
import { useDropTargets } from './DropTargets.ts';

/** The id of the canvas's droppable: dnd-kit auto-scrolls the scrollable ancestors of what is "over". */
export const CANVAS_DROP_ID = 'fbd-canvas';

/**
 * The canvas element's ref: the one droppable of the form designer (so that dnd-kit's auto-scroll
 * scrolls the canvas, from the palette too) and where the drag measures its slots and draws its
 * indicator. Its component re-renders only when a drag starts, ends, or enters or leaves the canvas.
 */
export function useCanvasDrop(): (element: HTMLElement | null) => void {
  const targets = useDropTargets();
  const { setNodeRef } = useDroppable({ id: CANVAS_DROP_ID });
  return useCallback(
    (element: HTMLElement | null) => {
      setNodeRef(element);
      targets.canvas.current = element;
    },
    [setNodeRef, targets],
  );
}
