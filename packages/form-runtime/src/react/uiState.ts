import type { LayoutIndex } from './layoutIndex.ts';

/**
 * The view's own state: the open tab, the current step, collapsed sections — by layout node id. Kept
 * outside React so that focusing an invalid field can open the tab, step or section around it.
 */
export class LayoutUiState {
  private readonly values = new Map<string, number>();
  private readonly listeners = new Map<string, Set<() => void>>();

  /** The node's state (tab or step index; 1 for a collapsed section). */
  get(id: string): number {
    return this.values.get(id) ?? 0;
  }

  set(id: string, value: number): void {
    if (this.get(id) === value) return;
    this.values.set(id, value);
    for (const listener of this.listeners.get(id) ?? []) listener();
  }

  subscribe(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Opens every tab, step and section around a layout node. */
  reveal(layout: LayoutIndex, nodeId: string): void {
    let child = nodeId;
    for (let parent = layout.parent(child); parent !== undefined; parent = layout.parent(child)) {
      const node = layout.node(parent);
      if (node && (node.type === 'tabs' || node.type === 'steps'))
        this.set(parent, node.children.indexOf(child));
      if (node?.type === 'section') this.set(parent, 0);
      child = parent;
    }
  }
}
