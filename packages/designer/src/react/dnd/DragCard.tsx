import type { ReactNode } from 'react';
import { useDropView } from './DropTargets.ts';

/** The card that follows the pointer (dnd-kit's drag overlay): the name of what is dragged. */
export function DragCard(): ReactNode {
  const name = useDropView((view) => view.name);
  return name === null ? null : <div className="fbd-drag-card">{name}</div>;
}
