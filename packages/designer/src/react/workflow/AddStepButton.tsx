import { type ReactNode, useState } from 'react';
import type { StepPlace } from '../../workflow/places.ts';
import { STEP_NAMES } from '../../workflow/stepNames.ts';
import { STEP_TYPES } from '../../workflow/workflowTypes.ts';
import { useWorkflowContext } from './WorkflowContext.ts';

/** The "+" between cards: opens the list of step kinds and adds the chosen one at its place. */
export function AddStepButton({
  place,
  label,
}: {
  readonly place: StepPlace;
  readonly label: string;
}): ReactNode {
  const { designer, locale, messages, report } = useWorkflowContext();
  const [open, setOpen] = useState(false);
  return (
    <div className="fbw-add">
      <button
        type="button"
        className="fbw-add-button"
        aria-label={label}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        +
      </button>
      {open ? (
        <fieldset className="fbw-add-menu" aria-label={messages.addStepOfKind}>
          {STEP_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              className="fb-button"
              onClick={() => {
                setOpen(false);
                report(designer.addStep(type, place));
              }}
            >
              {STEP_NAMES[type][locale]}
            </button>
          ))}
          <button type="button" className="fb-button" onClick={() => setOpen(false)}>
            {messages.cancel}
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}
