import { type ReactNode, useRef, useState } from 'react';
import { placeKey } from '../../workflow/dropPlaces.ts';
import type { StepPlace } from '../../workflow/places.ts';
import { STEP_NAMES } from '../../workflow/stepNames.ts';
import { STEP_TYPES } from '../../workflow/workflowTypes.ts';
import { useSlotOpen } from '../dnd/DropTargets.ts';
import { Icon } from '../shared/Icon.tsx';
import { useWorkflowContext } from './WorkflowContext.ts';

/**
 * The "+" between cards: opens the list of step kinds and adds the chosen one at its place. Its row is
 * also where a dragged card drops (`data-slot`, drawn open while a drag may go there).
 */
export function AddStepButton({
  place,
  label,
}: {
  readonly place: StepPlace;
  readonly label: string;
}): ReactNode {
  const { designer, locale, messages, announce, report } = useWorkflowContext();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const key = placeKey(place);
  const droppable = useSlotOpen(key);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className={droppable ? 'fbw-place fbw-place--open' : 'fbw-place'} data-slot={key}>
      <div className="fbw-add">
        <button
          type="button"
          ref={toggle}
          className="fbw-add-button"
          aria-label={label}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          +
        </button>
        {open ? (
          <fieldset
            className="fbw-add-menu"
            aria-label={messages.addStepOfKind}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              // Escape closes the menu (and is not the designer's "select nothing"), focus back on "+".
              event.preventDefault();
              close();
            }}
          >
            {STEP_TYPES.map((type) => (
              <button
                key={type}
                type="button"
                className="fb-button"
                onClick={() => {
                  setOpen(false);
                  const added = designer.addStep(type, place);
                  report(added);
                  // The new card is selected: the keyboard goes on from it (its settings are next in Tab order).
                  const [id] = designer.getState().selection;
                  if (added.ok) announce(messages.added(STEP_NAMES[type][locale]));
                  if (added.ok && id !== undefined)
                    requestAnimationFrame(() =>
                      document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`)?.focus(),
                    );
                }}
              >
                <Icon name={type} />
                {STEP_NAMES[type][locale]}
              </button>
            ))}
            <button type="button" className="fb-button" onClick={close}>
              {messages.cancel}
            </button>
          </fieldset>
        ) : null}
      </div>
    </div>
  );
}
