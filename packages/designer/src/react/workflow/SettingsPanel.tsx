import type { ReactNode } from 'react';
import { textIn } from '../../form/localizedText.ts';
import { stepById, TRIGGER_ID } from '../../workflow/workflowTypes.ts';
import { TextField } from './inputs.tsx';
import { StepIdEditor } from './StepIdEditor.tsx';
import { StepSettings } from './StepSettings.tsx';
import { TriggerSettings } from './TriggerSettings.tsx';
import { withLocaleText } from './textEdit.ts';
import { useWorkflowContext, useWorkflowState } from './WorkflowContext.ts';

/** The settings of the selected card (the workflow's name always on top). */
export function SettingsPanel({ now }: { readonly now: Date }): ReactNode {
  const { designer, messages, locale, report } = useWorkflowContext();
  const title = useWorkflowState((s) => s.document.title);
  const selected = useWorkflowState((s) => s.selection[s.selection.length - 1]);
  const step = useWorkflowState((s) => (selected === undefined ? undefined : stepById(s.document, selected)));
  return (
    <section className="fbw-settings" aria-label={messages.settings}>
      <TextField
        label={messages.workflowTitle}
        value={textIn(title, locale)}
        onChange={(v) =>
          report(designer.setWorkflowProperty('title', withLocaleText(title, locale, v) ?? ''))
        }
      />
      {selected === TRIGGER_ID ? (
        <TriggerSettings now={now} />
      ) : step ? (
        <>
          <StepSettings key={step.id} step={step} />
          {/* Outside the keyed settings: renaming keeps the focus on its button. */}
          <StepIdEditor stepId={step.id} />
        </>
      ) : (
        <p className="fbd-note">{messages.nothingSelected}</p>
      )}
    </section>
  );
}
