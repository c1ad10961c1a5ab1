import { columnPath } from '@formboard/formula';
import type { Layout, LayoutNode } from '@formboard/schema';

/** Where each layout node sits, and in which order fields come: for focus, steps and the error summary. */
export interface LayoutIndex {
  node(id: string): LayoutNode | undefined;
  parent(id: string): string | undefined;
  /** The field (or repeating table) node showing a column path: "employee", "kpis[].weight", "kpis". */
  nodeOfPath(column: string): string | undefined;
  /** Concrete data paths shown under a node, in reading order (table rows expanded). */
  pathsUnder(id: string, getValue: (path: string) => unknown): string[];
  /**
   * How many lines a node shows: a field is one, a repeating table one per row and one for its
   * header, columns, tabs and steps as many as their longest. Sizes a section's placeholder before
   * the browser first draws it.
   */
  linesUnder(id: string, getValue: (path: string) => unknown): number;
  /** Orders concrete paths as they appear on the page (unknown paths last). */
  compare(a: string, b: string): number;
  /** Items with a path, sorted in page order (each path's position worked out once). */
  inPageOrder<T extends { readonly path: string }>(items: readonly T[]): T[];
}

const CELL = /^(.+?)\[(\d+)\]\.(.+)$/;

/** Indexes a form layout. */
export function indexLayout(layout: Layout): LayoutIndex {
  const nodes = layout.nodes as Readonly<Record<string, LayoutNode>>;
  const get = (id: string) => (Object.hasOwn(nodes, id) ? nodes[id] : undefined);
  const parents = new Map<string, string>();
  const positions = new Map<string, number>();
  const byPath = new Map<string, string>();

  const visit = (id: string, table: string | undefined) => {
    const node = get(id);
    if (!node || positions.has(id)) return;
    positions.set(id, positions.size);
    if (node.type === 'field') byPath.set(table ? `${table}[].${node.path}` : node.path, id);
    if (node.type === 'repeatingTable') byPath.set(node.path, id);
    if ('children' in node) {
      for (const child of node.children) {
        if (!parents.has(child)) parents.set(child, id);
        visit(child, node.type === 'repeatingTable' ? node.path : table);
      }
    }
  };
  for (const id of layout.root) visit(id, undefined);

  const sortKey = (path: string): number[] => {
    if (path === '') return [-1];
    const cell = CELL.exec(path);
    if (cell) {
      const [, table = '', row = '0'] = cell;
      const cellNode = byPath.get(columnPath(path));
      const tableNode = byPath.get(table);
      if (cellNode !== undefined && tableNode !== undefined)
        return [positions.get(tableNode) ?? 0, Number(row), positions.get(cellNode) ?? 0];
    }
    const node = byPath.get(path);
    return node === undefined ? [Number.POSITIVE_INFINITY] : [positions.get(node) ?? 0, -1, 0];
  };

  const pathsUnder = (id: string, getValue: (path: string) => unknown, out: string[]) => {
    const node = get(id);
    if (!node) return;
    if (node.type === 'field') {
      out.push(node.path);
      return;
    }
    if (node.type === 'repeatingTable') {
      out.push(node.path);
      const rows = getValue(node.path);
      const count = Array.isArray(rows) ? rows.length : 0;
      for (let row = 0; row < count; row++) {
        for (const child of node.children) {
          const cell = get(child);
          if (cell?.type === 'field') out.push(`${node.path}[${row}].${cell.path}`);
        }
      }
      return;
    }
    if ('children' in node) for (const child of node.children) pathsUnder(child, getValue, out);
  };

  const linesUnder = (id: string, getValue: (path: string) => unknown): number => {
    const node = get(id);
    if (!node) return 0;
    if (node.type === 'field') return 1;
    if (node.type === 'repeatingTable') {
      const rows = getValue(node.path);
      return 1 + (Array.isArray(rows) ? rows.length : 0);
    }
    if (!('children' in node)) return 1;
    // Columns stand side by side and tabs and steps show one at a time: as many lines as the longest.
    if (node.type === 'columns' || node.type === 'tabs' || node.type === 'steps')
      return Math.max(0, ...node.children.map((child) => linesUnder(child, getValue)));
    let lines = 0;
    for (const child of node.children) lines += linesUnder(child, getValue);
    return lines;
  };

  return {
    node: get,
    linesUnder,
    parent: (id) => parents.get(id),
    nodeOfPath: (column) => byPath.get(column),
    pathsUnder(id, getValue) {
      const out: string[] = [];
      pathsUnder(id, getValue, out);
      return out;
    },
    compare: (a, b) => compareKeys(sortKey(a), sortKey(b)),
    inPageOrder(items) {
      const keyed = items.map((item) => ({ item, key: sortKey(item.path) }));
      keyed.sort((a, b) => compareKeys(a.key, b.key));
      return keyed.map(({ item }) => item);
    },
  };
}

function compareKeys(ka: readonly number[], kb: readonly number[]): number {
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? -1) - (kb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}
