import type { LocalizedMessage } from '@formboard/formula';

/** One undo step: the documents and selections before and after it. */
export interface HistoryEntry<D> {
  readonly label: LocalizedMessage;
  readonly mergeKey: string | undefined;
  readonly before: D;
  readonly after: D;
  readonly selectionBefore: readonly string[];
  readonly selectionAfter: readonly string[];
}

/**
 * A persistent stack (a linked list): pushing and popping are O(1) and share the rest, so a history of
 * thousands of steps costs nothing per edit. Each step keeps whole document versions; they share all
 * unchanged objects with their neighbours, so a step costs about the path it changed.
 */
export interface Stack<D> {
  readonly top: HistoryEntry<D>;
  readonly rest: Stack<D> | undefined;
  readonly size: number;
}

/** The stack with `entry` on top. */
export function push<D>(stack: Stack<D> | undefined, entry: HistoryEntry<D>): Stack<D> {
  return { top: entry, rest: stack, size: (stack?.size ?? 0) + 1 };
}

/** The stack's entries from the top down (for a history panel). */
export function entries<D>(stack: Stack<D> | undefined): HistoryEntry<D>[] {
  const out: HistoryEntry<D>[] = [];
  for (let s = stack; s; s = s.rest) out.push(s.top);
  return out;
}

/**
 * Records an edit: merged into the top entry when both carry the same merge key and merging is open
 * (typing into one property), else pushed.
 */
export function record<D>(past: Stack<D> | undefined, entry: HistoryEntry<D>, mergeOpen: boolean): Stack<D> {
  const top = past?.top;
  if (!mergeOpen || !top || entry.mergeKey === undefined || top.mergeKey !== entry.mergeKey) {
    return push(past, entry);
  }
  return push(past?.rest, { ...top, after: entry.after, selectionAfter: entry.selectionAfter });
}
