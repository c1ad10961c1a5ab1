import { useDndContext } from '@dnd-kit/core';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { childrenOf, indexLayout } from '../form/formTree.ts';
import { useDesignerContext } from './DesignerContext.ts';

/** Whether the event comes from a place where keys type text (the designer's shortcuts stay out of it). */
function isEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type);
}

/** Focuses a node's handle on the canvas (keyboard selection follows focus). */
function focusHandle(id: string): void {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`[data-handle-for="${CSS.escape(id)}"]`)?.focus(),
  );
}

/**
 * After an edit removed the focused control (a delete, an undo), focus goes to the selected node's
 * handle, else to the canvas, so the keyboard stays in the designer.
 */
function keepFocus(root: HTMLElement, selection: readonly string[]): void {
  requestAnimationFrame(() => {
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused.isConnected) return;
    const primary = selection[selection.length - 1];
    const handle =
      primary === undefined
        ? null
        : root.querySelector<HTMLElement>(`[data-handle-for="${CSS.escape(primary)}"]`);
    (handle ?? root.querySelector<HTMLElement>('.fbd-canvas'))?.focus();
  });
}

/**
 * The designer's keyboard shortcuts and clipboard, as handlers for its root element: Delete, Ctrl/Cmd+Z,
 * Shift+Ctrl/Cmd+Z (and Ctrl+Y), Ctrl/Cmd+D, Escape, Up/Down to select the previous or next node,
 * Alt+Up/Down to move it; copy, cut and paste go through the system clipboard as JSON text.
 */
export function useShortcuts(travel: (kind: 'undo' | 'redo') => void) {
  const { designer, report } = useDesignerContext();
  // While a drag is on, its keys (arrows, Space, Escape) belong to the drag.
  const { active } = useDndContext();

  const step = (by: number, move: boolean) => {
    const { document: form, selection } = designer.getState();
    const current = selection[selection.length - 1];
    if (current === undefined) return;
    if (move) {
      const parent = indexLayout(form.layout).parent.get(current) ?? null;
      const index = childrenOf(form.layout, parent).indexOf(current) + by;
      if (index >= 0 && index < childrenOf(form.layout, parent).length)
        report(designer.move([current], { parent, index }));
      focusHandle(current);
      return;
    }
    const order = indexLayout(form.layout).order;
    const next = order[order.indexOf(current) + by];
    if (next === undefined) return;
    designer.select([next]);
    focusHandle(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (active || isEditing(event.target) || event.defaultPrevented) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    let handled = true;
    if (mod && key === 'z') travel(event.shiftKey ? 'redo' : 'undo');
    else if (mod && key === 'y') travel('redo');
    else if (mod && key === 'd') report(designer.duplicate());
    else if (!mod && (event.key === 'Delete' || event.key === 'Backspace'))
      report(designer.removeSelection());
    else if (event.key === 'Escape') designer.select([]);
    else if (
      !mod &&
      (event.key === 'ArrowUp' || event.key === 'ArrowDown') &&
      (event.target as HTMLElement).dataset?.handleFor
    ) {
      step(event.key === 'ArrowUp' ? -1 : 1, event.altKey);
    } else handled = false;
    if (!handled) return;
    event.preventDefault();
    keepFocus(event.currentTarget as HTMLElement, designer.getState().selection);
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
    report(designer.paste(text === '' ? undefined : text));
  };

  return {
    onKeyDown,
    onCopy: (event: ClipboardEvent) => onCopy(event, false),
    onCut: (event: ClipboardEvent) => onCopy(event, true),
    onPaste,
  };
}
