import type { DashboardWidget } from '@formboard/schema';
import { type Band, bandFor, DEFAULT_PROGRESS_THRESHOLDS } from './thresholds.ts';
import type { Row } from './types.ts';
import { numberAt } from './values.ts';

type AlignmentTreeWidget = Extract<DashboardWidget, { type: 'alignmentTree' }>;

/** The key of a tree row's record id (rows are records: `{ $id, ...data }`). */
export const RECORD_ID = '$id';

/** An objective in the alignment tree, with the objectives aligned to it. */
export interface TreeNode {
  readonly id: string;
  readonly title: string;
  /** The owner's user id. */
  readonly owner: string | null;
  /** 0–1. */
  readonly progress: number | null;
  /** The progress colour: red below 80 %, yellow below 100 %, green from 100 % of 1. */
  readonly band: Band | undefined;
  readonly depth: number;
  readonly children: readonly TreeNode[];
}

/** A value at a data path of formula syntax (`a.b`) in a record row. */
function at(row: Row, path: string | undefined): unknown {
  if (path === undefined) return undefined;
  let value: unknown = row;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Row)[part];
  }
  return value;
}

const idText = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;

/**
 * The alignment tree of record rows: each record under the record its parent field points at. A
 * record whose parent is not among the rows (filtered out, or none) is a root; a parent loop is cut
 * where it closes, so every record appears exactly once. Roots and siblings keep the rows' order.
 */
export function alignmentTreeModel(widget: AlignmentTreeWidget, rows: readonly Row[]): TreeNode[] {
  const { tree } = widget;
  const records = rows.flatMap((row) => {
    const id = idText(row[RECORD_ID]);
    return id === null ? [] : [{ id, parent: idText(at(row, tree.parentField)), row }];
  });
  const byId = new Map(records.map((record) => [record.id, record]));
  const childrenOf = new Map<string, string[]>();
  const roots: string[] = [];
  for (const record of records) {
    const parent =
      record.parent !== null && record.parent !== record.id ? byId.get(record.parent) : undefined;
    if (parent) childrenOf.set(parent.id, [...(childrenOf.get(parent.id) ?? []), record.id]);
    else roots.push(record.id);
  }
  const placed = new Set<string>();
  const build = (id: string, depth: number): TreeNode | undefined => {
    const record = byId.get(id);
    if (!record || placed.has(id)) return undefined;
    placed.add(id);
    const title = at(record.row, tree.titleField);
    const progress =
      tree.progressField === undefined ? null : numberAt({ p: at(record.row, tree.progressField) }, 'p');
    return {
      id,
      title: title === null || title === undefined ? '—' : String(title),
      owner: idText(at(record.row, tree.ownerField)),
      progress,
      band: bandFor(DEFAULT_PROGRESS_THRESHOLDS, progress, 1),
      depth,
      children: (childrenOf.get(id) ?? []).flatMap((child) => build(child, depth + 1) ?? []),
    };
  };
  const out = roots.flatMap((id) => build(id, 0) ?? []);
  // Records only reachable through a loop (a → b → a) have no root: start each loop at its first record.
  for (const record of records) {
    if (placed.has(record.id)) continue;
    const node = build(record.id, 0);
    if (node) out.push(node);
  }
  return out;
}
