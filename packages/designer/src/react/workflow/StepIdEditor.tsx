import { type FormEvent, type ReactNode, useId } from 'react';
import { useRenameDraft } from '../shared/useRenameDraft.ts';
import { useWorkflowContext } from './WorkflowContext.ts';

/**
 * A step's id, renamed on purpose (applied as a whole, never per key press): the links from other
 * steps and branches follow it. A refusal (empty, malformed, reserved, taken) is shown beside the box.
 */
export function StepIdEditor({ stepId }: { readonly stepId: string }): ReactNode {
  const { designer, messages, locale, announce } = useWorkflowContext();
  const rename = useRenameDraft(stepId, locale, (next) => designer.renameStep(stepId, next));
  const { draft, setDraft, problem } = rename;
  const id = useId();
  const apply = (event: FormEvent) => {
    const next = rename.apply(event);
    if (next !== undefined && next !== stepId) announce(messages.stepRenamed(next));
  };
  const described = [`${id}-hint`, ...(problem ? [`${id}-problem`] : [])].join(' ');
  return (
    <form className="fbw-field fbw-step-id" onSubmit={apply}>
      <label htmlFor={id}>{messages.stepId}</label>
      <div className="fbw-step-id-row">
        <input
          id={id}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
        />
        <button type="submit" className="fb-button">
          {messages.applyStepId}
        </button>
      </div>
      <small id={`${id}-hint`} className="fbd-note">
        {messages.stepIdHint}
      </small>
      {problem ? (
        <p className="fb-error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
