/** The rows a scrolled list draws: [start, end) of `count`, with `overscan` extra rows each side. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): { readonly start: number; readonly end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(rowHeight, viewportHeight) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + shown + overscan) };
}
