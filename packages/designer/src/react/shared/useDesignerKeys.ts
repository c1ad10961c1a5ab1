import type { ClipboardEvent, KeyboardEvent } from 'react';
import type { DocumentStore } from '../../core/createDocumentStore.ts';
import type { DesignerSession } from './useDesignerSession.ts';

/** Whether the event comes from a place where keys type text (the designers' shortcuts stay out of it). */
export function isEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type);
}

/** Options of `useDesignerKeys`. */
export interface DesignerKeysOptions<D> {
  readonly designer: DocumentStore<D>;
  readonly session: DesignerSession;
  /** True while something else owns the keys (a dnd-kit keyboard drag). */
  readonly paused?: boolean;
  /** The designer's own keys (arrows on its cards…), tried first: true when it handled the event. */
  readonly onKey?: (event: KeyboardEvent<HTMLElement>) => boolean;
  /** Deletes the selection (default `removeSelection`, reported): a designer may announce or refocus. */
  readonly onDelete?: (event: KeyboardEvent<HTMLElement>) => void;
  /** After a handled key: where focus goes when the focused control went away. */
  readonly afterKey?: (root: HTMLElement) => void;
}

/**
 * A designer's keyboard shortcuts and clipboard, as handlers for its root element (outside text boxes):
 * the designer's own keys, then Delete/Backspace, Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y, Ctrl/Cmd+D,
 * Escape (nothing selected); copy, cut and paste go through the system clipboard as JSON text.
 */
export function useDesignerKeys<D>(options: DesignerKeysOptions<D>) {
  const { designer, session, paused } = options;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (paused || isEditing(event.target) || event.defaultPrevented) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    let handled = true;
    if (options.onKey?.(event)) handled = true;
    else if (mod && key === 'z') session.travel(event.shiftKey ? 'redo' : 'undo');
    else if (mod && key === 'y') session.travel('redo');
    else if (mod && key === 'd') session.report(designer.duplicate());
    else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
      if (options.onDelete) options.onDelete(event);
      else session.report(designer.removeSelection());
    } else if (event.key === 'Escape') designer.select([]);
    else handled = false;
    if (!handled) return;
    event.preventDefault();
    options.afterKey?.(event.currentTarget);
  };

  const onCopy = (event: ClipboardEvent, cut: boolean) => {
    if (isEditing(event.target)) return;
    const text = cut ? designer.cut() : designer.copy();
    if (text === undefined) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
  };

  const onPaste = (event: ClipboardEvent) => {
    if (isEditing(event.target)) return;
    const text = event.clipboardData.getData('text/plain');
    event.preventDefault();
    session.report(designer.paste(text === '' ? undefined : text));
  };

  return {
    onKeyDown,
    onCopy: (event: ClipboardEvent) => onCopy(event, false),
    onCut: (event: ClipboardEvent) => onCopy(event, true),
    onPaste,
  };
}
