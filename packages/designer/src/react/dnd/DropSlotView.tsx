import { memo, type ReactNode } from 'react';
import { slotId } from '../../form/dropSlots.ts';
import { useSlotOpen } from './DropTargets.ts';

/**
 * A place to drop between two nodes (or at the end of a container): drawn open while a drag that it
 * takes is on, and measured when the drag starts (`data-slot`). Not a dnd-kit droppable — the drag
 * finds the nearest open slot itself, and <DropIndicator> shows it — so slots do not re-render as the
 * pointer moves. Hidden from assistive technology: keyboard drags are announced instead.
 */
export const DropSlotView = memo(function DropSlotView({
  parent,
  index,
}: {
  readonly parent: string | null;
  readonly index: number;
}): ReactNode {
  const id = slotId(parent, index);
  const open = useSlotOpen(id);
  return <div className={open ? 'fbd-slot fbd-slot--open' : 'fbd-slot'} aria-hidden="true" data-slot={id} />;
});
