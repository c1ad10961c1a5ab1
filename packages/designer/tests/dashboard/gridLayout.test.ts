import { describe, expect, it } from 'vitest';
import { firstFreeSpot, overlaps, placeWidget, settle, type Widget } from '../../src/dashboard/index.ts';
import { boardDefinition } from './fixtures.ts';

const widgets = () => boardDefinition().widgets;

describe('grid layout', () => {
  it('finds the first free place of a size, top to bottom then left to right', () => {
    expect(firstFreeSpot(widgets(), 3, 3, 12)).toEqual({ x: 9, y: 0, w: 3, h: 3 });
    expect(firstFreeSpot(widgets(), 4, 2, 12)).toEqual({ x: 0, y: 4, w: 4, h: 2 });
    expect(firstFreeSpot(widgets(), 2, 1, 12)).toEqual({ x: 9, y: 0, w: 2, h: 1 });
    expect(firstFreeSpot([], 30, 2, 12)).toEqual({ x: 0, y: 0, w: 12, h: 2 });
  });

  it('pushes overlapped widgets down, and those below them in turn, keeping untouched objects', () => {
    const below = { ...widgets()[0], id: 'below', layout: { x: 0, y: 4, w: 3, h: 2 } } as Widget;
    const list = [...widgets(), below];
    const next = placeWidget(list, 'byStatus', { x: 0, y: 1, w: 6, h: 4 });
    expect(next.find((w) => w.id === 'byStatus')?.layout).toEqual({ x: 0, y: 1, w: 6, h: 4 });
    expect(next.find((w) => w.id === 'count')?.layout).toEqual({ x: 0, y: 5, w: 3, h: 3 });
    expect(next.find((w) => w.id === 'below')?.layout).toEqual({ x: 0, y: 8, w: 3, h: 2 });
    const unmoved = placeWidget(list, 'below', { x: 9, y: 0, w: 3, h: 2 });
    expect(unmoved[0]).toBe(list[0]);
    expect(unmoved[1]).toBe(list[1]);
  });

  it('settles overlapping widgets so that no two share a cell', () => {
    const list = widgets().map((w) => ({ ...w, layout: { x: 0, y: 0, w: 6, h: 3 } }));
    const settled = settle(list);
    const [a, b] = settled as [Widget, Widget];
    expect(overlaps(a.layout, b.layout)).toBe(false);
    expect(settled[1]?.layout.y).toBe(3);
  });
});
