// Where the canvas's drop slots are, measured once when a drag starts, and which one a point is
// nearest. Boxes are in the canvas's content coordinates (from its padding box at scroll 0), so they
// stay right while the canvas scrolls (auto-scroll) without measuring again.

/** A slot's box in the canvas's content coordinates. */
export interface SlotBox {
  readonly id: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Where the canvas's content starts on screen now: viewport point = content point + origin. */
export interface CanvasOrigin {
  readonly x: number;
  readonly y: number;
  /** The canvas's visible box on screen; a point outside it is over no slot. */
  readonly view: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
}

/** The canvas's origin and visible box now (one layout read). */
export function originOf(canvas: HTMLElement): CanvasOrigin {
  const rect = canvas.getBoundingClientRect();
  return {
    x: rect.left + canvas.clientLeft - canvas.scrollLeft,
    y: rect.top + canvas.clientTop - canvas.scrollTop,
    view: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
  };
}

/** The boxes of the canvas's slots that are in `open` (elements with `data-slot`), in page order. */
export function measureSlots(canvas: HTMLElement, open: ReadonlySet<string>): SlotBox[] {
  const origin = originOf(canvas);
  const boxes: SlotBox[] = [];
  for (const element of canvas.querySelectorAll<HTMLElement>('[data-slot]')) {
    const id = element.dataset.slot;
    if (id === undefined || !open.has(id)) continue;
    const rect = element.getBoundingClientRect();
    boxes.push({
      id,
      left: rect.left - origin.x,
      top: rect.top - origin.y,
      width: rect.width,
      height: rect.height,
    });
  }
  return boxes;
}

/**
 * The slot nearest to a point on screen (the distance to its box, zero inside it; the first in page
 * order on a tie), or undefined when the point is outside the canvas's visible box.
 */
export function slotAt(
  boxes: readonly SlotBox[],
  origin: CanvasOrigin,
  clientX: number,
  clientY: number,
): SlotBox | undefined {
  const { view } = origin;
  if (clientX < view.left || clientX > view.right || clientY < view.top || clientY > view.bottom)
    return undefined;
  const x = clientX - origin.x;
  const y = clientY - origin.y;
  let best: SlotBox | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const box of boxes) {
    const dx = Math.max(box.left - x, 0, x - (box.left + box.width));
    const dy = Math.max(box.top - y, 0, y - (box.top + box.height));
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = box;
      bestDistance = distance;
    }
  }
  return best;
}
