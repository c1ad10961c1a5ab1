import { describe, expect, it } from 'vitest';
import { cellAt, movedBox, resizedBox } from '../../src/react/dashboard/canvas/gridGeometry.ts';

// A 12-column grid 1,188 px wide at (100, 50): columns step (1188 + 12) / 12 = 100 px, rows 48 + 12 = 60 px.
const metrics = { left: 100, top: 50, width: 1188, columns: 12, rowHeight: 48 };
const box = { x: 2, y: 1, w: 4, h: 3 };

describe('pointer geometry of the grid', () => {
  it('finds the cell under the pointer, none left of, right of or above the grid', () => {
    expect(cellAt(metrics, 100, 50)).toEqual({ x: 0, y: 0 });
    expect(cellAt(metrics, 355, 175)).toEqual({ x: 2, y: 2 });
    expect(cellAt(metrics, 99, 60)).toBeUndefined();
    expect(cellAt(metrics, 1300, 60)).toBeUndefined();
    expect(cellAt(metrics, 200, 40)).toBeUndefined();
  });

  it('moves by whole cells to the nearest one', () => {
    expect(movedBox(box, 149, 29, metrics)).toEqual({ x: 3, y: 1, w: 4, h: 3 });
    expect(movedBox(box, -151, 91, metrics)).toEqual({ x: 0, y: 3, w: 4, h: 3 });
  });

  it('resizes from the right edge, the bottom edge or the corner', () => {
    expect(resizedBox(box, 'e', 210, 300, metrics)).toEqual({ x: 2, y: 1, w: 6, h: 3 });
    expect(resizedBox(box, 's', 210, -70, metrics)).toEqual({ x: 2, y: 1, w: 4, h: 2 });
    expect(resizedBox(box, 'se', -100, 60, metrics)).toEqual({ x: 2, y: 1, w: 3, h: 4 });
  });
});
