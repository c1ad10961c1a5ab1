import { type UIEvent, useCallback, useState } from 'react';
import { visibleRange } from '../core/virtualWindow.ts';

/** The window of a long list to draw: rows [start, end), the spacer heights and the scroll handler. */
export interface VirtualRows {
  readonly start: number;
  readonly end: number;
  readonly before: number;
  readonly after: number;
  readonly onScroll: (event: UIEvent<HTMLElement>) => void;
}

/** Draws only the rows of `count` that a scroll box of `viewportHeight` px shows (plus a few each side). */
export function useVirtualRows(count: number, rowHeight: number, viewportHeight: number): VirtualRows {
  const [scrollTop, setScrollTop] = useState(0);
  const onScroll = useCallback(
    (event: UIEvent<HTMLElement>) => setScrollTop(event.currentTarget.scrollTop),
    [],
  );
  const { start, end } = visibleRange(scrollTop, viewportHeight, rowHeight, count);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight, onScroll };
}
