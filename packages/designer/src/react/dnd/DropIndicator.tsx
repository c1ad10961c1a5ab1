import { type ReactNode, useLayoutEffect, useRef } from 'react';
import { useDropView } from './DropTargets.ts';

/** How thick the indicator is drawn across a slot, in pixels (a slot itself is 8 px open). */
const ACROSS = 24;
const ALONG = 6;

/**
 * The one drop indicator of a canvas (the form's, the workflow's flow), drawn over the slot a drop
 * would go to (positioned in the canvas's content coordinates, so it scrolls with it) with `label` on
 * it. Drawn over the slot rather than by widening it, so the layout — and the slots measured when the
 * drag started — never shift.
 */
export function DropIndicator({ label }: { readonly label: string }): ReactNode {
  const over = useDropView((view) => view.over);
  const keyboard = useDropView((view) => view.keyboard);
  const ref = useRef<HTMLDivElement>(null);
  // A keyboard drag walks the whole form: keep the place it is at in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: again each time the place changes
  useLayoutEffect(() => {
    const element = ref.current;
    if (keyboard && element && typeof element.scrollIntoView === 'function')
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [over, keyboard]);
  if (!over) return null;
  // A slot between stacked nodes is wide: a bar across it with words; between side-by-side ones, a line.
  const across = over.width >= over.height;
  const [x, y, width, height] = across
    ? [over.left, over.top + over.height / 2 - ACROSS / 2, over.width, ACROSS]
    : [over.left + over.width / 2 - ALONG / 2, over.top, ALONG, over.height];
  // Moved by a transform on a layer of its own: the form under it is not painted again.
  const style = { transform: `translate(${x}px, ${y}px)`, width, height };
  return (
    <div
      ref={ref}
      className={`fbd-drop-indicator${across ? '' : ' fbd-drop-indicator--between'}`}
      aria-hidden="true"
      style={style}
    >
      {across ? label : null}
    </div>
  );
}
