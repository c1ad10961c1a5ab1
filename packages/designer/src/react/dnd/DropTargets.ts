import { createContext, useContext } from 'react';

/**
 * The slots that take what is being dragged, worked out once when a drag starts (null when nothing is
 * dragged). Slots read this instead of dnd-kit's public context, which changes on every pointer move.
 */
export const DropTargetsContext = createContext<ReadonlySet<string> | null>(null);

/** Whether a drag is on and this slot takes it. */
export function useSlotOpen(id: string): boolean {
  return useContext(DropTargetsContext)?.has(id) ?? false;
}
