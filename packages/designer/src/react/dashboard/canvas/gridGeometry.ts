import type { Box } from '../../../dashboard/dashboardTypes.ts';

/** The gap between grid cells in pixels (the same as @formboard/dashboard's grid). */
export const GRID_GAP = 12;

/** The default row height when the definition gives none (@formboard/dashboard's). */
export const DEFAULT_ROW_HEIGHT = 48;

/** Where the grid is on screen and how big its cells are, measured when a drag starts. */
export interface GridMetrics {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly columns: number;
  readonly rowHeight: number;
}

/** The distance from one column (row) to the next, in pixels. */
function steps(m: GridMetrics): { column: number; row: number } {
  return { column: (m.width + GRID_GAP) / m.columns, row: m.rowHeight + GRID_GAP };
}

/** The cell under a point on screen, or undefined outside the grid's columns or above it. */
export function cellAt(
  m: GridMetrics,
  clientX: number,
  clientY: number,
): { x: number; y: number } | undefined {
  const { column, row } = steps(m);
  const x = Math.floor((clientX - m.left) / column);
  const y = Math.floor((clientY - m.top) / row);
  if (x < 0 || x >= m.columns || y < 0) return undefined;
  return { x, y };
}

/** A box moved by a pointer delta, to the nearest cell. */
export function movedBox(start: Box, dx: number, dy: number, m: GridMetrics): Box {
  const { column, row } = steps(m);
  return { ...start, x: start.x + Math.round(dx / column), y: start.y + Math.round(dy / row) };
}

/** A box resized by a pointer delta from its right edge (e), bottom edge (s) or corner (se). */
export function resizedBox(start: Box, edge: 'e' | 's' | 'se', dx: number, dy: number, m: GridMetrics): Box {
  const { column, row } = steps(m);
  return {
    ...start,
    w: edge === 's' ? start.w : start.w + Math.round(dx / column),
    h: edge === 'e' ? start.h : start.h + Math.round(dy / row),
  };
}

/** The height in pixels of a widget `h` rows tall. */
export function boxHeight(h: number, rowHeight: number): number {
  return h * rowHeight + (h - 1) * GRID_GAP;
}
