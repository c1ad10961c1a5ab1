import type { FormDefinition, Layout, LayoutNode } from '@formboard/schema';
import { setOwn } from './setOwn.ts';

/** The definition a form designer edits. */
export type Form = FormDefinition;

/** Where a node sits or goes: a container's id (null for the layout's root) and a position in it. */
export interface Place {
  readonly parent: string | null;
  /** Position among the container's children; default at the end. */
  readonly index?: number;
}

/** Where each node of a layout sits: its parent (null at the root) and its repeating table, if any. */
export interface LayoutIndex {
  readonly parent: ReadonlyMap<string, string | null>;
  /** The repeating-table node around a node (its column), if any. */
  readonly table: ReadonlyMap<string, string>;
  /** Every placed node in page order (depth first). */
  readonly order: readonly string[];
}

const indexes = new WeakMap<Layout, LayoutIndex>();

/** The index of a layout, made once per layout object (layouts are immutable). */
export function indexLayout(layout: Layout): LayoutIndex {
  const known = indexes.get(layout);
  if (known) return known;
  const parent = new Map<string, string | null>();
  const table = new Map<string, string>();
  const order: string[] = [];
  const visit = (ids: readonly string[], from: string | null, inTable: string | undefined) => {
    for (const id of ids) {
      // A node listed twice (an invalid layout) is indexed where it is met first.
      if (parent.has(id)) continue;
      const node = layout.nodes[id];
      if (!node) continue;
      parent.set(id, from);
      if (inTable !== undefined) table.set(id, inTable);
      order.push(id);
      if ('children' in node) visit(node.children, id, node.type === 'repeatingTable' ? id : inTable);
    }
  };
  visit(layout.root, null, undefined);
  const index = { parent, table, order };
  indexes.set(layout, index);
  return index;
}

/** A node by id. */
export function nodeOf(form: Form, id: string): LayoutNode | undefined {
  return Object.hasOwn(form.layout.nodes, id) ? form.layout.nodes[id] : undefined;
}

/** The children of a container (the root list for null). */
export function childrenOf(layout: Layout, parent: string | null): readonly string[] {
  if (parent === null) return layout.root;
  const node = Object.hasOwn(layout.nodes, parent) ? layout.nodes[parent] : undefined;
  return node && 'children' in node ? node.children : [];
}

/** The layout with a container's children replaced (a new layout; other nodes are kept as they are). */
export function withChildren(layout: Layout, parent: string | null, children: string[]): Layout {
  if (parent === null) return { ...layout, root: children };
  const node = layout.nodes[parent];
  if (!node || !('children' in node)) return layout;
  return { ...layout, nodes: { ...layout.nodes, [parent]: { ...node, children } as LayoutNode } };
}

/** The layout with nodes replaced or added (`undefined` removes a node). */
export function withNodes(layout: Layout, changes: Readonly<Record<string, LayoutNode | undefined>>): Layout {
  const nodes = { ...layout.nodes };
  for (const [id, node] of Object.entries(changes)) {
    if (node === undefined) delete nodes[id];
    else setOwn(nodes, id, node);
  }
  return { ...layout, nodes };
}

/** A node and everything inside it, parents before children. */
export function subtreeOf(layout: Layout, id: string): string[] {
  const out: string[] = [];
  const visit = (nodeId: string) => {
    const node = Object.hasOwn(layout.nodes, nodeId) ? layout.nodes[nodeId] : undefined;
    if (!node || out.includes(nodeId)) return;
    out.push(nodeId);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(id);
  return out;
}

/** The data path a field node or repeating table binds, as formulas write it: `kpis[].weight`. */
export function boundPath(form: Form, id: string): string | undefined {
  const node = nodeOf(form, id);
  if (!node) return undefined;
  if (node.type === 'repeatingTable') return node.path;
  if (node.type !== 'field') return undefined;
  const tableId = indexLayout(form.layout).table.get(id);
  const table = tableId === undefined ? undefined : nodeOf(form, tableId);
  return table?.type === 'repeatingTable' ? `${table.path}[].${node.path}` : node.path;
}

/** The first node (in page order) bound to a data path, if any. */
export function nodeOfPath(form: Form, path: string): string | undefined {
  return indexLayout(form.layout).order.find((id) => boundPath(form, id) === path);
}

/** Node types that may sit directly in a container of this type ('root' for the layout's root). */
export function accepts(containerType: string, childType: string): boolean {
  switch (containerType) {
    case 'columns':
      return childType === 'column';
    case 'tabs':
      return childType === 'tab';
    case 'steps':
      return childType === 'step';
    case 'repeatingTable':
      return childType === 'field';
    case 'root':
    case 'section':
    case 'column':
    case 'tab':
    case 'step':
      return childType !== 'column' && childType !== 'tab' && childType !== 'step';
    default:
      return false;
  }
}

/** The type of a container ('root' for null), or undefined when the id names no container. */
export function containerType(form: Form, parent: string | null): string | undefined {
  if (parent === null) return 'root';
  const node = nodeOf(form, parent);
  return node && 'children' in node ? node.type : undefined;
}
