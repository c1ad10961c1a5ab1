import { type KeyboardEvent, useCallback } from 'react';
import type { CommandResult } from '../../core/Command.ts';
import type { WorkflowDesignerStore } from '../../workflow/createWorkflowDesigner.ts';
import { TRIGGER_ID } from '../../workflow/workflowTypes.ts';

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  const tag = element?.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || element?.isContentEditable === true;
}

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
 * The designer's shortcuts outside text boxes: Delete/Backspace, Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z (and
 * Ctrl+Y), Up/Down to select the previous/next card (the trigger first, then the flow's order), and
 * Alt+Up/Down to move the selected step.
 */
export function useWorkflowKeys(
  designer: WorkflowDesignerStore,
  travel: (kind: 'undo' | 'redo') => void,
  report: (result: CommandResult) => void,
): (event: KeyboardEvent<HTMLElement>) => void {
  return useCallback(
    (event) => {
      if (typing(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const { selection } = designer.getState();
      const current = selection[selection.length - 1];
      const root = event.currentTarget;
      if (mod && key === 'z') {
        event.preventDefault();
        travel(event.shiftKey ? 'redo' : 'undo');
      } else if (mod && key === 'y') {
        event.preventDefault();
        travel('redo');
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && current !== undefined) {
        event.preventDefault();
        // The focused card goes away: focus (and select) the card that takes its place, or the one above.
        const before = cardOrder(designer);
        const at = before.indexOf(current);
        report(designer.removeSelection());
        const after = new Set(cardOrder(designer));
        const next = [...before.slice(at + 1), ...before.slice(0, at).reverse()].find((id) => after.has(id));
        if (next !== undefined) {
          designer.select([next]);
          focusCard(root, next);
        }
      } else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && event.altKey) {
        if (current === undefined || current === TRIGGER_ID) return;
        event.preventDefault();
        report(designer.moveStepBy(current, event.key === 'ArrowUp' ? 'up' : 'down'));
        focusCard(root, current);
      } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
        const order = cardOrder(designer);
        const at = current === undefined ? -1 : order.indexOf(current);
        const next =
          order[event.key === 'ArrowUp' ? Math.max(0, at - 1) : Math.min(order.length - 1, at + 1)];
        if (next === undefined) return;
        event.preventDefault();
        designer.select([next]);
        focusCard(root, next);
      }
    },
    [designer, travel, report],
  );
}
