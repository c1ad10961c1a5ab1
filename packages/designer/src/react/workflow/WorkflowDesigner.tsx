import type { Locale } from '@formboard/formula';
import type { FormDefinition } from '@formboard/schema';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { CommandResult } from '../../core/Command.ts';
import { sampleRecord } from '../../rules/sampleData.ts';
import { triggerForm } from '../../workflow/commands/setTrigger.ts';
import { createWorkflowDesigner, type WorkflowDesignerStore } from '../../workflow/createWorkflowDesigner.ts';
import { workflowFields } from '../../workflow/workflowFormulas.ts';
import type { WorkflowDefinitionResult } from '../../workflow/workflowProblems.ts';
import type { Workflow } from '../../workflow/workflowTypes.ts';
import { DryRunPanel } from './DryRunPanel.tsx';
import { FlowView } from './FlowView.tsx';
import { workflowMessages } from './messages.ts';
import { SettingsPanel } from './SettingsPanel.tsx';
import { useWorkflowKeys } from './useWorkflowKeys.ts';
import { type NamedChoice, WorkflowContext, type WorkflowContextValue } from './WorkflowContext.ts';
import { WorkflowProblems, WorkflowToolbar } from './WorkflowToolbar.tsx';

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
  const [announcement, setAnnouncement] = useState('');
  const [saving, setSaving] = useState(false);
  const [now] = useState(() => props.now ?? new Date());
  const document = useStore(designer.store, (s) => s.document);
  const result = designer.toDefinition();

  useEffect(() => {
    if (props.definition !== designer.getState().document) designer.load(props.definition);
  }, [designer, props.definition]);

  const { onChange } = props;
  useEffect(() => {
    if (!onChange) return;
    return designer.subscribe((state, previous) => {
      if (state.document !== previous.document) onChange(state.document, designer.toDefinition());
    });
  }, [designer, onChange]);

  const formId = triggerForm(document.trigger);
  const form = forms.find((f) => f.id === formId);
  const fields = useMemo(() => workflowFields(document, form), [document, form]);
  const sample = useMemo(() => (form ? sampleRecord(form, now.toISOString().slice(0, 10)) : {}), [form, now]);
  const report = useCallback(
    (outcome: CommandResult) => {
      if (!outcome.ok) setAnnouncement(outcome.reason[locale]);
    },
    [locale],
  );
  const travel = useCallback(
    (kind: 'undo' | 'redo') => {
      if (designer[kind]()) {
        const label = designer.getState().lastChange?.label[locale] ?? '';
        setAnnouncement(`${kind === 'undo' ? messages.undo : messages.redo}: ${label}`);
      }
    },
    [designer, locale, messages],
  );
  const shortcuts = { onKeyDown: useWorkflowKeys(designer, travel, report) };
  const { onSave } = props;
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const save = onSave
    ? async () => {
        const current = designer.toDefinition();
        if (!current.ok) return;
        setSaving(true);
        try {
          await onSave(current.definition);
          // Edits made while saving stay unsaved.
          if (designer.getState().document === current.definition) designer.markSaved();
          setAnnouncement(messages.saved);
        } catch {
          setAnnouncement(messages.saveFailed);
        } finally {
          if (mounted.current) setSaving(false);
        }
      }
    : undefined;
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
      report,
    }),
    [designer, locale, messages, forms, form, fields, props.roles, props.people, report],
  );
  return (
    <WorkflowContext.Provider value={context}>
      {/* The root only listens for shortcuts bubbling from its cards and controls. */}
      <div className="fbd-designer fbw-designer" lang={locale} {...shortcuts}>
        <WorkflowToolbar
          result={result}
          onSave={save ? () => void save() : undefined}
          saving={saving}
          travel={travel}
        />
        <div className="fbw-main">
          <FlowView />
          <aside className="fbw-side">
            <SettingsPanel now={now} />
            <DryRunPanel sample={sample} now={now} />
          </aside>
        </div>
        <WorkflowProblems result={result} />
        <p className="fbd-visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </div>
    </WorkflowContext.Provider>
  );
}
