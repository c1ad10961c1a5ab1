import { type ReactNode, useRef } from 'react';
import { useDesignerContext } from '../DesignerContext.ts';
import { DropIndicator } from '../dnd/DropIndicator.tsx';
import { useDropView } from '../dnd/DropTargets.ts';
import { useCanvasDrop } from '../dnd/useCanvasDrop.ts';
import { useCanvasRoot } from './CanvasRoot.tsx';

/**
 * The form being designed: every node, drop slots between them (in a React root of their own, see
 * useCanvasRoot); a click on the background clears the selection.
 */
export function Canvas(): ReactNode {
  const { designer, messages } = useDesignerContext();
  const ref = useCanvasDrop();
  const dragging = useDropView((view) => view.open !== null);
  const nodes = useRef<HTMLDivElement>(null);
  useCanvasRoot(nodes);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape clears the selection from the keyboard
    <section
      ref={ref}
      className={dragging ? 'fbd-canvas fbd-canvas--dragging' : 'fbd-canvas'}
      aria-label={messages.canvas}
      tabIndex={-1}
      onClick={() => designer.select([])}
    >
      <div ref={nodes} className="fbd-canvas-nodes" />
      <DropIndicator label={messages.dropHere} />
    </section>
  );
}
