import { topmost } from './commands/moveNodes.ts';
import {
  accepts,
  childrenOf,
  containerType,
  type Form,
  indexLayout,
  nodeOf,
  type Place,
  subtreeOf,
} from './formTree.ts';

/** A place between the children of a container where something can be dropped. */
export interface DropSlot {
  /** `slot:<container id or #root>:<index>`. */
  readonly id: string;
  readonly parent: string | null;
  /** Position among the container's current children (before the child at that index). */
  readonly index: number;
}

/** What is being dragged: a palette item (of a node type) or layout nodes. */
export type DragSubject =
  | { readonly kind: 'palette'; readonly itemId: string; readonly nodeType: string }
  | { readonly kind: 'nodes'; readonly ids: readonly string[] };

/** The id of the slot at a place. */
export function slotId(parent: string | null, index: number): string {
  return `slot:${parent ?? '#root'}:${index}`;
}

/** Every slot of a layout in page order: before each child of each container, and at its end. */
export function dropSlots(form: Form): DropSlot[] {
  const slots: DropSlot[] = [];
  const visit = (parent: string | null) => {
    const children = childrenOf(form.layout, parent);
    children.forEach((child, index) => {
      slots.push({ id: slotId(parent, index), parent, index });
      if (nodeOf(form, child) && 'children' in (nodeOf(form, child) as object)) visit(child);
    });
    slots.push({ id: slotId(parent, children.length), parent, index: children.length });
  };
  visit(null);
  return slots;
}

/**
 * The slots that take the subject, in page order: their container takes its node types, and nodes never
 * go into themselves. The moved nodes' subtrees are worked out once, and each container is asked once
 * (a drag over a 500-node form has ~1,000 slots).
 */
export function openSlots(form: Form, subject: DragSubject): DropSlot[] {
  const types =
    subject.kind === 'palette' ? [subject.nodeType] : subject.ids.map((id) => nodeOf(form, id)?.type ?? '');
  const inside = new Set(
    subject.kind === 'nodes' ? subject.ids.flatMap((id) => subtreeOf(form.layout, id)) : [],
  );
  const takes = new Map<string | null, boolean>();
  return dropSlots(form).filter((slot) => {
    let open = takes.get(slot.parent);
    if (open === undefined) {
      const type = containerType(form, slot.parent);
      open =
        type !== undefined &&
        !(slot.parent !== null && inside.has(slot.parent)) &&
        types.every((t) => accepts(type, t));
      takes.set(slot.parent, open);
    }
    return open;
  });
}

/** The place a slot stands for when `moving` leave their containers (the index then counts without them). */
export function placeOfSlot(form: Form, slot: DropSlot, moving: readonly string[] = []): Place {
  const moved = new Set(topmost(form, moving));
  const before = childrenOf(form.layout, slot.parent).slice(0, slot.index);
  return { parent: slot.parent, index: before.filter((id) => !moved.has(id)).length };
}

/** The slot just before a node, where it is now (keyboard drags of a node start there). */
export function slotOfNode(form: Form, id: string): string | undefined {
  const parent = indexLayout(form.layout).parent.get(id);
  if (parent === undefined) return undefined;
  return slotId(parent, childrenOf(form.layout, parent).indexOf(id));
}
