import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SlotBox } from './slotGeometry.ts';

/**
 * What the canvas shows of a drag. It changes when a drag starts or ends and when the place a drop
 * would go to changes — never on a mere pointer move — so the ~500 handles and slots of a large form do
 * not re-render while the pointer moves (they read it by selector, not through dnd-kit's context).
 */
export interface DropView {
  /** What is dragged, as the drag card names it; null when nothing is dragged. */
  readonly name: string | null;
  /** The slots that take what is dragged, worked out once when the drag starts. */
  readonly open: ReadonlySet<string> | null;
  /** Where a drop would go now (the box the drop indicator is drawn over). */
  readonly over: SlotBox | null;
  /** Whether the drag is a keyboard one (its place is scrolled into view as it moves). */
  readonly keyboard: boolean;
  /** The form designer's node whose handle started the drag (drawn faded), else null. */
  readonly grabbed: string | null;
}

/** The drag's view and the canvas element it is measured in and drawn over. */
export interface DropTargets {
  readonly view: StoreApi<DropView>;
  /** The canvas (set by <Canvas>): its slots are measured there and the drop indicator drawn in it. */
  readonly canvas: { current: HTMLElement | null };
}

/** The view when nothing is dragged. */
export const NO_DRAG: DropView = { name: null, open: null, over: null, keyboard: false, grabbed: null };

/** A fresh drop-target state for one designer. */
export function createDropTargets(): DropTargets {
  return { view: createStore<DropView>(() => NO_DRAG), canvas: { current: null } };
}

export const DropTargetsContext = createContext<DropTargets | null>(null);

/** The designer's drop targets; only inside <DesignerDnd>. */
export function useDropTargets(): DropTargets {
  const value = useContext(DropTargetsContext);
  if (!value) throw new Error('drop targets are only inside <DesignerDnd>');
  return value;
}

/** A slice of the drag's view; the component re-renders only when it changes. */
export function useDropView<T>(select: (view: DropView) => T): T {
  return useStore(useDropTargets().view, select);
}

/** Whether a drag is on and this slot takes it. */
export function useSlotOpen(id: string): boolean {
  return useDropView((view) => view.open?.has(id) ?? false);
}
