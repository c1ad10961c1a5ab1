import type { ReactNode } from 'react';
import { useDesignerContext, useDesignerState } from '../DesignerContext.ts';
import { DropIndicator } from '../dnd/DropIndicator.tsx';
import { useDropView } from '../dnd/DropTargets.ts';
import { useCanvasDrop } from '../dnd/useCanvasDrop.ts';
import { NodeList } from './NodeList.tsx';

/** The form being designed: every node, drop slots between them; a click on the background clears the selection. */
export function Canvas(): ReactNode {
  const { designer, messages } = useDesignerContext();
  const root = useDesignerState((s) => s.document.layout.root);
  const ref = useCanvasDrop();
  const dragging = useDropView((view) => view.open !== null);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape clears the selection from the keyboard
    <section
      ref={ref}
      className={dragging ? 'fbd-canvas fbd-canvas--dragging' : 'fbd-canvas'}
      aria-label={messages.canvas}
      tabIndex={-1}
      onClick={() => designer.select([])}
    >
      {root.length === 0 ? <p className="fbd-empty">{messages.emptyCanvas}</p> : null}
      <NodeList parent={null} ids={root} />
      <DropIndicator label={messages.dropHere} />
    </section>
  );
}
