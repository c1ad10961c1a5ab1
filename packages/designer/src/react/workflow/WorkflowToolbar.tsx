import type { ReactNode } from 'react';
import type { WorkflowDefinitionResult } from '../../workflow/workflowProblems.ts';
import { TRIGGER_ID } from '../../workflow/workflowTypes.ts';
import { useWorkflowContext, useWorkflowState } from './WorkflowContext.ts';

/** Undo, redo, delete, the problems count and save (enabled when changed and valid). */
export function WorkflowToolbar(props: {
  readonly result: WorkflowDefinitionResult;
  readonly onSave: (() => void) | undefined;
  readonly saving: boolean;
  readonly travel: (kind: 'undo' | 'redo') => void;
}): ReactNode {
  const { designer, messages, report } = useWorkflowContext();
  const canUndo = useWorkflowState((s) => s.past !== undefined);
  const canRedo = useWorkflowState((s) => s.future !== undefined);
  const dirty = useWorkflowState((s) => s.dirty);
  const deletable = useWorkflowState((s) => s.selection.some((id) => id !== TRIGGER_ID));
  const count = props.result.ok ? 0 : props.result.problems.length;
  return (
    <div className="fbd-toolbar" role="toolbar" aria-label={messages.toolbar}>
      <button type="button" className="fb-button" disabled={!canUndo} onClick={() => props.travel('undo')}>
        {messages.undo}
      </button>
      <button type="button" className="fb-button" disabled={!canRedo} onClick={() => props.travel('redo')}>
        {messages.redo}
      </button>
      <button
        type="button"
        className="fb-button"
        disabled={!deletable}
        onClick={() => report(designer.removeSelection())}
      >
        {messages.delete}
      </button>
      <span className="fbd-toolbar-gap" />
      <span className="fbd-status">{count === 0 ? messages.noProblems : messages.problems(count)}</span>
      <span className="fbd-status">{dirty ? messages.unsaved : messages.saved}</span>
      {props.onSave ? (
        <button
          type="button"
          className="fb-button fb-button--primary"
          disabled={!dirty || count > 0 || props.saving}
          onClick={props.onSave}
        >
          {messages.save}
        </button>
      ) : null}
    </div>
  );
}

/** The workflow's problems; each one concerning a card selects it when activated. */
export function WorkflowProblems({ result }: { readonly result: WorkflowDefinitionResult }): ReactNode {
  const { designer, messages, locale } = useWorkflowContext();
  if (result.ok) return null;
  return (
    <section className="fbd-problems" aria-label={messages.problems(result.problems.length)}>
      <ul>
        {result.problems.map((problem) => (
          <li key={`${problem.pointer}:${problem.code}`}>
            {problem.stepId === undefined ? (
              problem.message[locale]
            ) : (
              <button
                type="button"
                className="fbd-link"
                onClick={() => designer.select([problem.stepId as string])}
              >
                {problem.message[locale]}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
