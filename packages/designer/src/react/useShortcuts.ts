import { useDndContext } from '@dnd-kit/core';
import type { KeyboardEvent } from 'react';
import { childrenOf, indexLayout } from '../form/formTree.ts';
import { useDesignerContext } from './DesignerContext.ts';
import { useDesignerKeys } from './shared/useDesignerKeys.ts';
import type { DesignerSession } from './shared/useDesignerSession.ts';

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
 * The form designer's keys and clipboard (see `useDesignerKeys`), with its own: on a node's handle
 * Up/Down select the previous or next node and Alt+Up/Down move it among its siblings.
 */
export function useShortcuts(session: DesignerSession) {
  const { designer } = useDesignerContext();
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
        session.report(designer.move([current], { parent, index }));
      focusHandle(current);
      return;
    }
    const order = indexLayout(form.layout).order;
    const next = order[order.indexOf(current) + by];
    if (next === undefined) return;
    designer.select([next]);
    focusHandle(next);
  };

  const onKey = (event: KeyboardEvent<HTMLElement>) => {
    const arrow = event.key === 'ArrowUp' || event.key === 'ArrowDown';
    if (!arrow || event.ctrlKey || event.metaKey || !(event.target as HTMLElement).dataset?.handleFor)
      return false;
    step(event.key === 'ArrowUp' ? -1 : 1, event.altKey);
    return true;
  };

  return useDesignerKeys({
    designer,
    session,
    paused: active !== null,
    onKey,
    afterKey: (root) => keepFocus(root, designer.getState().selection),
  });
}
