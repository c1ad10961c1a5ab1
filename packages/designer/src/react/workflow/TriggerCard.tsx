import type { ReactNode } from 'react';
import { TRIGGER_NAMES } from '../../workflow/stepNames.ts';
import { TRIGGER_ID, type TriggerType } from '../../workflow/workflowTypes.ts';
import { Icon } from '../shared/Icon.tsx';
import { triggerSummary } from './triggerSummary.ts';
import { useWorkflowContext, useWorkflowState } from './WorkflowContext.ts';

/** Each trigger kind's icon (see ICONS). */
const TRIGGER_ICONS: Readonly<Record<TriggerType, string>> = {
  record: 'record',
  schedule: 'clock',
  metricStreak: 'streak',
};

/** The trigger card at the top of the flow: named by what it shows (its kind and summary). */
export function TriggerCard(): ReactNode {
  const { designer, messages, locale, forms } = useWorkflowContext();
  const trigger = useWorkflowState((s) => s.document.trigger);
  const selected = useWorkflowState((s) => s.selection.includes(TRIGGER_ID));
  const summary = triggerSummary(trigger, forms, messages, locale);
  const kind = TRIGGER_NAMES[trigger.type][locale];
  return (
    <button
      type="button"
      className={`fbw-card fbw-card--trigger${selected ? ' fbw-card--selected' : ''}`}
      data-card-id={TRIGGER_ID}
      aria-label={messages.triggerCard(kind, summary)}
      aria-pressed={selected}
      onClick={() => designer.select([TRIGGER_ID])}
    >
      <span className="fbw-card-kind">
        <Icon name={TRIGGER_ICONS[trigger.type]} />
        {kind}
      </span>
      <span className="fbw-card-title">{summary}</span>
    </button>
  );
}
