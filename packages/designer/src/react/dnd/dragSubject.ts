import type { DragSubject } from '../../form/dropSlots.ts';

/** The drag data a palette card or canvas handle carries. */
export type DragData =
  | { readonly kind: 'palette'; readonly itemId: string; readonly nodeType: string }
  | { readonly kind: 'node'; readonly id: string };

/** What a drag moves: a palette item, or a node together with the rest of the selection when it is selected. */
export function subjectOf(data: DragData, selection: readonly string[]): DragSubject {
  if (data.kind === 'palette') return data;
  return { kind: 'nodes', ids: selection.includes(data.id) ? selection : [data.id] };
}
