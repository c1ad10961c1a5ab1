import type { KeyboardEvent } from 'react';
import type { WorkflowDesignerStore } from '../../workflow/createWorkflowDesigner.ts';
import { TRIGGER_ID } from '../../workflow/workflowTypes.ts';
import { useDesignerKeys } from '../shared/useDesignerKeys.ts';
import type { DesignerSession } from '../shared/useDesignerSession.ts';

/** Every card in the order the flow shows them: the trigger, the flow's steps, then loose steps. */
function cardOrder(designer: WorkflowDesignerStore): string[] {
  const flow = designer.flow();
  return [TRIGGER_ID, ...flow.order, ...flow.loose];
}

/** Moves keyboard focus to a card (after React rendered it). */
function focusCard(root: HTMLElement | null, id: string): void {
  queueMicrotask(() => {
    const card = root?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`);
    card?.focus();
  });
}

/**
 * The workflow designer's keys and clipboard (see `useDesignerKeys`), with its own: Up/Down select the
 * previous/next card (the trigger first, then the flow's order), Alt+Up/Down move the selected step;
 * Delete focuses (and selects) the card that takes the deleted one's place. `paused` while a card is
 * carried with the keyboard (its keys are the drag's).
 */
export function useWorkflowKeys(designer: WorkflowDesignerStore, session: DesignerSession, paused: boolean) {
  const current = () => {
    const { selection } = designer.getState();
    return selection[selection.length - 1];
  };

  const onKey = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || event.ctrlKey || event.metaKey)
      return false;
    const id = current();
    const root = event.currentTarget;
    if (event.altKey) {
      if (id === undefined || id === TRIGGER_ID) return false;
      session.report(designer.moveStepBy(id, event.key === 'ArrowUp' ? 'up' : 'down'));
      focusCard(root, id);
      return true;
    }
    const order = cardOrder(designer);
    const at = id === undefined ? -1 : order.indexOf(id);
    const next = order[event.key === 'ArrowUp' ? Math.max(0, at - 1) : Math.min(order.length - 1, at + 1)];
    if (next === undefined) return false;
    designer.select([next]);
    focusCard(root, next);
    return true;
  };

  const onDelete = (event: KeyboardEvent<HTMLElement>) => {
    const id = current();
    if (id === undefined) return;
    // The focused card goes away: focus (and select) the card that takes its place, or the one above.
    const before = cardOrder(designer);
    const at = before.indexOf(id);
    session.report(designer.removeSelection());
    const after = new Set(cardOrder(designer));
    const next = [...before.slice(at + 1), ...before.slice(0, at).reverse()].find((card) => after.has(card));
    if (next === undefined) return;
    designer.select([next]);
    focusCard(event.currentTarget, next);
  };

  return useDesignerKeys({ designer, session, paused, onKey, onDelete });
}
