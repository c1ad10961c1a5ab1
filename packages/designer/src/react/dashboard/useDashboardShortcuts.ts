import { useDndContext } from '@dnd-kit/core';
import { localize } from '@formboard/schema';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { useDashboardDesigner } from './DashboardDesignerContext.ts';

/** Whether the event comes from a place where keys type text (shortcuts stay out of it). */
function isEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type);
}

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Puts focus back on a widget's card after an edit re-rendered it (or on the canvas when it is gone). */
function focusCard(root: HTMLElement, id: string | undefined): void {
  requestAnimationFrame(() => {
    const focused = document.activeElement;
    const card =
      id === undefined ? null : root.querySelector<HTMLElement>(`[data-card-for="${CSS.escape(id)}"]`);
    if (card && focused !== card && (!focused || focused === document.body || !focused.isConnected))
      card.focus();
    else if (!card && (!focused || focused === document.body || !focused.isConnected))
      root.querySelector<HTMLElement>('.fbdd-canvas')?.focus();
  });
}

/**
 * The dashboard designer's keys and clipboard, as handlers for its root: on a focused card (or resize
 * handle) arrows move the widget a cell and Shift+arrows resize it; Delete, Ctrl/Cmd+Z,
 * Shift+Ctrl/Cmd+Z (and Ctrl+Y), Ctrl/Cmd+D, Escape; copy, cut and paste go through the system
 * clipboard as JSON text. Each move and resize is announced.
 */
export function useDashboardShortcuts(travel: (kind: 'undo' | 'redo') => void) {
  const { designer, report, announce, messages, locale } = useDashboardDesigner();
  const { active } = useDndContext();

  const arrow = (id: string, [dx, dy]: readonly [number, number], resize: boolean) => {
    const widget = designer.getState().document.widgets.find((w) => w.id === id);
    if (!widget) return;
    const { x, y, w, h } = widget.layout;
    const result = resize ? designer.resize(id, w + dx, h + dy) : designer.move(id, x + dx, y + dy);
    report(result);
    const next = designer.getState().document.widgets.find((v) => v.id === id)?.layout;
    if (!result.ok || !next) return;
    const title = localize(widget.title, locale) || id;
    announce(
      resize ? messages.resizedTo(title, next.w, next.h) : messages.movedTo(title, next.x + 1, next.y + 1),
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (active || isEditing(event.target) || event.defaultPrevented) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    // A card's arrows move it (Shift: resize); a resize handle's arrows resize.
    const { cardFor, resizeFor } = (event.target as HTMLElement).dataset ?? {};
    const move = ARROWS[event.key];
    let handled = true;
    if (mod && key === 'z') travel(event.shiftKey ? 'redo' : 'undo');
    else if (mod && key === 'y') travel('redo');
    else if (mod && key === 'd') report(designer.duplicate());
    else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
      const count = designer.getState().selection.length;
      const result = designer.removeSelection();
      report(result);
      if (result.ok && count > 0) announce(messages.removed(count));
    } else if (event.key === 'Escape') designer.select([]);
    else if (!mod && move && cardFor !== undefined) arrow(cardFor, move, event.shiftKey);
    else if (!mod && move && resizeFor !== undefined) arrow(resizeFor, move, true);
    else handled = false;
    if (!handled) return;
    event.preventDefault();
    const { selection } = designer.getState();
    focusCard(event.currentTarget as HTMLElement, selection[selection.length - 1]);
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
