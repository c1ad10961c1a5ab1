import { useDndContext } from '@dnd-kit/core';
import { localize } from '@formboard/schema';
import type { KeyboardEvent } from 'react';
import { useDesignerKeys } from '../shared/useDesignerKeys.ts';
import type { DesignerSession } from '../shared/useDesignerSession.ts';
import { useDashboardDesigner } from './DashboardDesignerContext.ts';

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
 * The dashboard designer's keys and clipboard (see `useDesignerKeys`), with its own: on a focused card
 * (or resize handle) arrows move the widget a cell and Shift+arrows resize it (a handle's arrows
 * resize). Each move, resize and delete is announced.
 */
export function useDashboardShortcuts(session: DesignerSession) {
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

  const onKey = (event: KeyboardEvent<HTMLElement>) => {
    const move = ARROWS[event.key];
    if (!move || event.ctrlKey || event.metaKey) return false;
    const { cardFor, resizeFor } = (event.target as HTMLElement).dataset ?? {};
    if (cardFor !== undefined) arrow(cardFor, move, event.shiftKey);
    else if (resizeFor !== undefined) arrow(resizeFor, move, true);
    else return false;
    return true;
  };

  const onDelete = () => {
    const count = designer.getState().selection.length;
    const result = designer.removeSelection();
    report(result);
    if (result.ok && count > 0) announce(messages.removed(count));
  };

  return useDesignerKeys({
    designer,
    session,
    paused: active !== null,
    onKey,
    onDelete,
    afterKey: (root) => {
      const { selection } = designer.getState();
      focusCard(root, selection[selection.length - 1]);
    },
  });
}
