import { createContext, type KeyboardEvent, type PointerEvent, useContext } from 'react';

/** The id of the one draggable that every canvas node's drag goes through (see NodeDragSource). */
export const NODE_DRAG_ID = 'fbd-canvas-node';

/** A press on a node's handle that may start a drag: the pointer's, or a key (Space). */
export type HandlePress = PointerEvent<HTMLElement> | KeyboardEvent<HTMLElement>;

/**
 * How the canvas's handles start dnd-kit drags. The canvas is rendered in a React root of its own, out of
 * DndContext's tree, so that dnd-kit's context updates on every pointer move do not make React walk its
 * thousands of fibers; `useDraggable` cannot be called there. Instead one draggable in the designer's
 * tree (<NodeDragProxy>) takes the pressed handle as its element and activator, and gets the press.
 */
export interface NodeDragSource {
  /** The node whose handle was pressed last: what a drag of the proxy moves. */
  grabbed: string | null;
  /** dnd-kit's screen-reader instructions for draggables (the handles' `aria-describedby`). */
  describedBy: string | undefined;
  /** Hands a press on node `id`'s handle (`event.currentTarget`) to dnd-kit's sensors. */
  press(event: HandlePress, id: string): void;
}

/** A source whose presses do nothing until <NodeDragProxy> mounts. */
export function createNodeDragSource(): NodeDragSource {
  return { grabbed: null, describedBy: undefined, press: () => {} };
}

export const NodeDragContext = createContext<NodeDragSource | null>(null);

/** The designer's node drag source; only inside <FormDesigner>. */
export function useNodeDragSource(): NodeDragSource {
  const value = useContext(NodeDragContext);
  if (!value) throw new Error('node handles are only inside <FormDesigner>');
  return value;
}
