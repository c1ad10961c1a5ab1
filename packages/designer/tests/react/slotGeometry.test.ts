import { describe, expect, it } from 'vitest';
import { type CanvasOrigin, type SlotBox, slotAt } from '../../src/react/dnd/slotGeometry.ts';

// A canvas shown at (200, 100), 600 × 400 on screen, scrolled down 1,000 px: content y = screen y + 900.
const origin: CanvasOrigin = { x: 200, y: -900, view: { left: 200, top: 100, right: 800, bottom: 500 } };
// Two slots of a list (8 px tall, across the canvas), and one between two columns (8 px wide, tall).
const boxes: SlotBox[] = [
  { id: 'slot:#root:0', left: 12, top: 1_000, width: 576, height: 8 },
  { id: 'slot:#root:1', left: 12, top: 1_100, width: 576, height: 8 },
  { id: 'slot:cols:1', left: 290, top: 1_120, width: 8, height: 200 },
];

describe('finding the slot under the pointer', () => {
  it('takes the slot whose box is nearest, in content coordinates (the scroll counted)', () => {
    expect(slotAt(boxes, origin, 400, 104)?.id).toBe('slot:#root:0'); // inside it (content y 1,004)
    expect(slotAt(boxes, origin, 400, 140)?.id).toBe('slot:#root:0'); // 36 px below it, 56 above the next
    expect(slotAt(boxes, origin, 400, 160)?.id).toBe('slot:#root:1');
    expect(slotAt(boxes, origin, 520, 300)?.id).toBe('slot:cols:1'); // beside the column gap
  });

  it('follows the canvas as it scrolls: the same screen point is over another place', () => {
    const scrolledBack = { ...origin, y: origin.y + 100 }; // scrolled up 100 px
    expect(slotAt(boxes, scrolledBack, 400, 204)?.id).toBe('slot:#root:0');
  });

  it('finds nothing outside the canvas on screen, or when no slot is open', () => {
    expect(slotAt(boxes, origin, 150, 200)).toBeUndefined();
    expect(slotAt(boxes, origin, 400, 501)).toBeUndefined();
    expect(slotAt([], origin, 400, 200)).toBeUndefined();
  });

  it('takes the first slot in page order on a tie', () => {
    expect(slotAt(boxes, origin, 400, 154)?.id).toBe('slot:#root:0'); // 46 px from each
  });
});
