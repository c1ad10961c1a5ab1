import { useDroppable } from '@dnd-kit/core';
import { memo, type ReactNode } from 'react';
import { type DropSlot, slotId } from '../../form/dropSlots.ts';
import { useDesignerContext } from '../DesignerContext.ts';
import { useSlotOpen } from './DropTargets.ts';

/**
 * A place to drop between two nodes (or at the end of a container): a droppable that shows a drop
 * indicator while a drag that it takes is over it. Hidden from assistive technology: keyboard drags
 * are announced instead.
 */
export const DropSlotView = memo(function DropSlotView({
  parent,
  index,
}: {
  readonly parent: string | null;
  readonly index: number;
}): ReactNode {
  const { messages } = useDesignerContext();
  const slot: DropSlot = { id: slotId(parent, index), parent, index };
  const open = useSlotOpen(slot.id);
  const { setNodeRef, isOver } = useDroppable({ id: slot.id, data: slot });
  const className = `fbd-slot${open ? ' fbd-slot--open' : ''}${open && isOver ? ' fbd-slot--over' : ''}`;
  return (
    <div ref={setNodeRef} className={className} aria-hidden="true" data-slot={slot.id}>
      {open && isOver ? <span className="fbd-slot-label">{messages.dropHere}</span> : null}
    </div>
  );
});
