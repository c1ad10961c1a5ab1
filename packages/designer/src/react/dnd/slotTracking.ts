import { type CanvasOrigin, measureSlots, originOf, type SlotBox, slotAt } from './slotGeometry.ts';

/** A point on screen (client coordinates). */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Measures the open slots now, and again whenever a list of the canvas (`.fbd-list`, the elements that
 * hold the slots) changes size during the drag — a field off screen until now takes its own height when
 * it is first drawn (`content-visibility`), and every list around it grows or shrinks with it — giving
 * each measurement to `onBoxes`. Stop it with the returned function.
 */
export function watchSlots(
  canvas: HTMLElement,
  open: ReadonlySet<string>,
  onBoxes: (boxes: readonly SlotBox[]) => void,
): () => void {
  onBoxes(measureSlots(canvas, open));
  if (typeof ResizeObserver === 'undefined') return () => {};
  // Its first call reports every list's size as it is: measuring again then is cheap (no layout is due).
  // Lists, not nodes: Chromium checks each observed element every frame, and a form has far fewer lists.
  const observer = new ResizeObserver(() => onBoxes(measureSlots(canvas, open)));
  for (const list of canvas.querySelectorAll('.fbd-list')) observer.observe(list);
  return () => observer.disconnect();
}

/**
 * Follows a pointer drag over the canvas: on every pointer move, on every scroll (auto-scroll moves the
 * form under a still pointer) and on `update()` (the boxes changed), tells `onSlot` the nearest of the
 * current `boxes()` (undefined outside the canvas). Only a scroll reads layout, once per scroll event.
 */
export function followPointer(
  canvas: HTMLElement,
  boxes: () => readonly SlotBox[],
  start: ScreenPoint | undefined,
  onSlot: (box: SlotBox | undefined) => void,
): { update(): void; stop(): void } {
  let origin: CanvasOrigin = originOf(canvas);
  let pointer = start;
  const update = () => {
    if (pointer) onSlot(slotAt(boxes(), origin, pointer.x, pointer.y));
  };
  const onMove = (event: PointerEvent) => {
    pointer = { x: event.clientX, y: event.clientY };
    update();
  };
  const onScroll = () => {
    origin = originOf(canvas);
    update();
  };
  window.addEventListener('pointermove', onMove, { passive: true });
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  update();
  return {
    update,
    stop: () => {
      window.removeEventListener('pointermove', onMove);
      document.removeEventListener('scroll', onScroll, { capture: true });
    },
  };
}
