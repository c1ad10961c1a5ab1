import { memo, type ReactNode } from 'react';
import { useDesignerContext } from '../DesignerContext.ts';
import { useDropView } from '../dnd/DropTargets.ts';
import { useNodeDragSource } from '../dnd/nodeDragSource.ts';

/**
 * A node's drag handle: starts a drag (pointer, or Space for the keyboard) through the designer's one
 * node draggable (see NodeDragSource), and is the node's keyboard focus (focusing it selects the node).
 * It re-renders when a drag starts and ends, never as the pointer moves.
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
  const source = useNodeDragSource();
  const dragging = useDropView((view) => view.grabbed === id);
  return (
    <button
      type="button"
      className={`fbd-handle${dragging ? ' fbd-handle--dragging' : ''}`}
      aria-roledescription={messages.draggableComponent}
      aria-describedby={source.describedBy}
      aria-label={messages.moveHandle(label)}
      aria-pressed={selected}
      data-handle-for={id}
      onPointerDown={(event) => source.press(event, id)}
      onKeyDown={(event) => source.press(event, id)}
      onFocus={() => {
        if (!designer.getState().selection.includes(id)) designer.select([id]);
      }}
    >
      ⠿
    </button>
  );
});
