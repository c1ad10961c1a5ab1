import type { Command } from './Command.ts';

/**
 * What the generic document store needs to know about one kind of document (a form, later a
 * dashboard or a workflow): which ids can be selected, and how selected items are copied, pasted and
 * removed. Everything else a kind can do is a command of its own.
 */
export interface DocumentAdapter<D> {
  /** Names the kind in clipboard text ("form"), so a form's items never paste into a dashboard. */
  readonly kind: string;
  /** Whether `id` names something selectable in the document (kept in the selection after an edit). */
  has(document: D, id: string): boolean;
  /** The selected items as a JSON value, or undefined when nothing there can be copied. */
  copy(document: D, ids: readonly string[]): unknown;
  /** Inserts a copied JSON value (checked: it may come from the system clipboard) after the selection. */
  paste(payload: unknown): Command<D>;
  /** Removes the items. */
  remove(ids: readonly string[]): Command<D>;
}
