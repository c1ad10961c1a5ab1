import type { Box, Widget } from './dashboardTypes.ts';

// The grid's rules, as common grid layouts have them: a widget stays where it is put, and widgets it
// would overlap move down, as far as needed and no further; those push the ones below them in turn.
// Nothing moves up by itself (no compaction), so a gap a person leaves stays.

/** The most rows a widget may start at (the schema's limit for `y`). */
export const MAX_Y = 1000;

/** Whether two boxes share a cell. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The row below every widget. */
export function bottomOf(widgets: readonly Widget[]): number {
  return widgets.reduce((bottom, w) => Math.max(bottom, w.layout.y + w.layout.h), 0);
}

/** The first place (top to bottom, then left to right) where a `w` × `h` box overlaps nothing. */
export function firstFreeSpot(widgets: readonly Widget[], w: number, h: number, columns: number): Box {
  const width = Math.min(Math.max(1, w), columns);
  const bottom = bottomOf(widgets);
  for (let y = 0; y < bottom; y++) {
    for (let x = 0; x + width <= columns; x++) {
      const box = { x, y, w: width, h };
      if (!widgets.some((other) => overlaps(other.layout, box))) return box;
    }
  }
  return { x: 0, y: bottom, w: width, h };
}

/** A box kept inside the grid: at least one cell, no wider than the grid, not left of or above it. */
export function clampBox(box: Box, columns: number): Box {
  const w = Math.min(Math.max(1, Math.round(box.w)), columns);
  const h = Math.min(Math.max(1, Math.round(box.h)), 100);
  const x = Math.min(Math.max(0, Math.round(box.x)), columns - w);
  const y = Math.min(Math.max(0, Math.round(box.y)), MAX_Y);
  return { x, y, w, h };
}

/** Whether two boxes are the same place and size. */
export function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

/**
 * The widgets with `id` at `box` and every widget it would overlap pushed down (and, in turn, those
 * they would overlap). Widgets that do not move keep their objects, so the edit shares them.
 */
export function placeWidget(widgets: readonly Widget[], id: string, box: Box): Widget[] {
  return settle(
    widgets.map((w) => (w.id === id && !sameBox(w.layout, box) ? ({ ...w, layout: box } as Widget) : w)),
    id,
  );
}

/**
 * The widgets without overlaps: `pinned` (when given) stays where it is, then the others, top to
 * bottom and left to right, each moved down just below whatever already placed it would overlap.
 */
export function settle(widgets: readonly Widget[], pinned?: string): Widget[] {
  const first = widgets.find((w) => w.id === pinned);
  const placed: Box[] = first ? [first.layout] : [];
  const moved = new Map<string, Box>();
  const others = widgets
    .filter((w) => w !== first)
    .sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x);
  for (const widget of others) {
    let current = widget.layout;
    for (;;) {
      const hits = placed.filter((p) => overlaps(p, current));
      if (hits.length === 0) break;
      current = { ...current, y: Math.max(...hits.map((p) => p.y + p.h)) };
    }
    placed.push(current);
    if (current !== widget.layout) moved.set(widget.id, current);
  }
  return widgets.map((w) => {
    const next = moved.get(w.id);
    return next === undefined ? w : ({ ...w, layout: next } as Widget);
  });
}
