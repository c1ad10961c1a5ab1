import type { Locale } from '@formboard/formula';
import type { FormDefinition } from '@formboard/schema';
import { type ReactNode, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { sampleRecord } from '../../rules/sampleData.ts';
import { triggerForm } from '../../workflow/commands/setTrigger.ts';
import { createWorkflowDesigner, type WorkflowDesignerStore } from '../../workflow/createWorkflowDesigner.ts';
import { workflowFields } from '../../workflow/workflowFormulas.ts';
import type { WorkflowDefinitionResult } from '../../workflow/workflowProblems.ts';
import { TRIGGER_ID, type Workflow } from '../../workflow/workflowTypes.ts';
import { createDropTargets } from '../dnd/DropTargets.ts';
import { designerMessages } from '../messages.ts';
import { RuleTextProvider } from '../rules/RuleText.tsx';
import { DesignerToolbar } from '../shared/DesignerToolbar.tsx';
import { LiveRegion } from '../shared/LiveRegion.tsx';
import { ProblemList } from '../shared/ProblemList.tsx';
import { useDesignerSession } from '../shared/useDesignerSession.ts';
import { DryRunPanel } from './DryRunPanel.tsx';
import { FlowDnd } from './FlowDnd.tsx';
import { FlowView } from './FlowView.tsx';
import { workflowMessages } from './messages.ts';
import { SettingsPanel } from './SettingsPanel.tsx';
import { useWorkflowKeys } from './useWorkflowKeys.ts';
import { type NamedChoice, WorkflowContext, type WorkflowContextValue } from './WorkflowContext.ts';

/** Props of <WorkflowDesigner>. */
export interface WorkflowDesignerProps {
  /** The definition to edit. Passing another one (not the one `onChange` gave) opens it afresh. */
  readonly definition: Workflow;
  /** The forms a workflow may be about: trigger forms, their fields for conditions and placeholders. */
  readonly forms: readonly FormDefinition[];
  /** Called after every change with the definition and its validation (problems linked to cards). */
  readonly onChange?: (definition: Workflow, result: WorkflowDefinitionResult) => void;
  /** Shows Save (enabled when changed and valid); the designer is clean once it resolves. */
  readonly onSave?: (definition: Workflow) => unknown;
  /** "zh-CN" (default) or "en". */
  readonly locale?: Locale;
  /** Roles to offer for approvers and recipients; default the built-in roles. */
  readonly roles?: readonly NamedChoice[];
  /** People to offer for "a user"; default a text box for the user id. */
  readonly people?: readonly NamedChoice[];
  /** A headless designer the host made (to drive it from outside); default one made here. */
  readonly designer?: WorkflowDesignerStore;
  /** The clock for next run times and the dry run; default now. */
  readonly now?: Date;
}

const NONE: readonly NamedChoice[] = [];

/** The workflow designer: the trigger card and step cards in a vertical flow, their settings, a dry run and save. */
export function WorkflowDesigner(props: WorkflowDesignerProps): ReactNode {
  const locale = props.locale ?? 'zh-CN';
  const { forms } = props;
  const [own] = useState(
    () =>
      props.designer ??
      createWorkflowDesigner({ definition: props.definition, forms: (id) => forms.find((f) => f.id === id) }),
  );
  const designer = props.designer ?? own;
  const messages = workflowMessages(locale);
  const session = useDesignerSession(designer, props, locale, messages);
  const { announce, report } = session;
  const [now] = useState(() => props.now ?? new Date());
  const document = useStore(designer.store, (s) => s.document);
  const result = designer.toDefinition();
  const formId = triggerForm(document.trigger);
  const form = forms.find((f) => f.id === formId);
  const fields = useMemo(() => workflowFields(document, form), [document, form]);
  const sample = useMemo(() => (form ? sampleRecord(form, now.toISOString().slice(0, 10)) : {}), [form, now]);
  // The card drags' view: while one is on, its keys (arrows, Space, Escape) are the drag's.
  const [targets] = useState(createDropTargets);
  const dragging = useStore(targets.view, (view) => view.open !== null);
  const shortcuts = useWorkflowKeys(designer, session, dragging);
  const context = useMemo<WorkflowContextValue>(
    () => ({
      designer,
      locale,
      messages,
      forms,
      form,
      fields,
      roles: props.roles ?? NONE,
      people: props.people ?? NONE,
      announce,
      report,
    }),
    [designer, locale, messages, forms, form, fields, props.roles, props.people, announce, report],
  );
  return (
    <WorkflowContext.Provider value={context}>
      <RuleTextProvider locale={locale} messages={designerMessages(locale)}>
        {/* The root only listens for shortcuts and clipboard events bubbling from its cards and controls. */}
        <div className="fbd-designer fbw-designer" lang={locale} {...shortcuts}>
          <DesignerToolbar
            designer={designer}
            messages={messages}
            session={session}
            problemCount={result.ok ? 0 : result.problems.length}
            deletable={(selection) => selection.some((id) => id !== TRIGGER_ID)}
          />
          <div className="fbw-main">
            <FlowDnd targets={targets}>
              <FlowView />
            </FlowDnd>
            <aside className="fbw-side">
              <SettingsPanel now={now} />
              <DryRunPanel sample={sample} now={now} />
            </aside>
          </div>
          <ProblemList
            result={result}
            subjectOf={(p) => p.stepId}
            select={designer.select}
            {...{ messages, locale }}
          />
          <LiveRegion text={session.announcement} />
        </div>
      </RuleTextProvider>
    </WorkflowContext.Provider>
  );
}
