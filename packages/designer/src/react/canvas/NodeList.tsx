import { Fragment, type ReactNode } from 'react';
import { DropSlotView } from '../dnd/DropSlotView.tsx';
import { CanvasNode } from './CanvasNode.tsx';

/** The children of a container on the canvas, with a drop slot before each and one at the end. */
export function NodeList({
  parent,
  ids,
  direction = 'column',
}: {
  readonly parent: string | null;
  readonly ids: readonly string[];
  readonly direction?: 'row' | 'column';
}): ReactNode {
  return (
    <div className={`fbd-list fbd-list--${direction}`}>
      {ids.map((id, index) => (
        <Fragment key={id}>
          <DropSlotView parent={parent} index={index} />
          <CanvasNode id={id} />
        </Fragment>
      ))}
      <DropSlotView parent={parent} index={ids.length} />
    </div>
  );
}
