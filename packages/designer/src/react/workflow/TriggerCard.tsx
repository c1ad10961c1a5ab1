import type { ReactNode } from 'react';
import { TRIGGER_NAMES } from '../../workflow/stepNames.ts';
import { TRIGGER_ID } from '../../workflow/workflowTypes.ts';
import { triggerSummary } from './triggerSummary.ts';
import { useWorkflowContext, useWorkflowState } from './WorkflowContext.ts';

/** The trigger card at the top of the flow. */
export function TriggerCard(): ReactNode {
  const { designer, messages, locale, forms } = useWorkflowContext();
  const trigger = useWorkflowState((s) => s.document.trigger);
  const selected = useWorkflowState((s) => s.selection.includes(TRIGGER_ID));
  const summary = triggerSummary(trigger, forms, messages, locale);
  return (
    <button
      type="button"
      className={`fbw-card fbw-card--trigger${selected ? ' fbw-card--selected' : ''}`}
      data-card-id={TRIGGER_ID}
      aria-label={messages.triggerCard(summary)}
      aria-pressed={selected}
      onClick={() => designer.select([TRIGGER_ID])}
    >
      <span className="fbw-card-kind">{TRIGGER_NAMES[trigger.type][locale]}</span>
      <span className="fbw-card-title">{summary}</span>
    </button>
  );
}
