import type { AssigneeRule } from '@formboard/schema';
import type { ReactNode } from 'react';
import { textIn } from '../../form/localizedText.ts';
import { formulaScope } from '../../rules/formulaScope.ts';
import { CHANNEL_NAMES } from '../../workflow/describe.ts';
import { workflowVariables } from '../../workflow/workflowFormulas.ts';
import type { Step } from '../../workflow/workflowTypes.ts';
import { FormulaEditor } from '../rules/FormulaEditor.tsx';
import { RuleBuilder } from '../rules/RuleBuilder.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import { AssigneeList, AssigneeRuleEditor } from './AssigneeEditor.tsx';
import { armName } from './armName.ts';
import { TemplateField, TextField } from './inputs.tsx';
import { withLocaleText } from './textEdit.ts';
import { useWorkflowContext, useWorkflowState } from './WorkflowContext.ts';

type Channel = keyof typeof CHANNEL_NAMES;

/** The settings of one step, by its kind. */
export function StepSettings({ step }: { readonly step: Step }): ReactNode {
  const { designer, messages, locale, fields, report } = useWorkflowContext();
  const workflow = useWorkflowState((s) => s.document);
  const set = (key: string, value: unknown) => report(designer.setStepProperty(step.id, key, value));
  const variables = workflowVariables(workflow, fields);
  const placeholders = [
    ...fields.filter((f) => !f.name.includes('[]')).map((f) => ({ name: f.name, label: f.label[locale] })),
    ...Object.keys(variables)
      .filter((name) => name.startsWith('$run') || name.startsWith('$streak'))
      .map((name) => ({ name, label: name })),
  ];
  return (
    <div className="fbw-step-settings">
      <TextField
        label={messages.stepTitle}
        value={textIn(step.title, locale)}
        onChange={(v) => set('title', withLocaleText(step.title, locale, v))}
      />
      {step.type === 'approval' ? (
        <>
          <AssigneeList
            legend={messages.assignees}
            rules={step.assignees}
            onChange={(rules) => set('assignees', rules)}
          />
          <SelectField
            label={messages.mode}
            value={step.mode}
            options={[
              { value: 'any', label: messages.modeAny },
              { value: 'all', label: messages.modeAll },
            ]}
            onChange={(v) => set('mode', v)}
          />
          <TextField
            label={messages.due}
            hint={messages.durationHint}
            value={step.due ?? ''}
            onChange={(v) => set('due', v === '' ? undefined : v)}
          />
          <fieldset className="fbw-escalation">
            <legend>{messages.escalate}</legend>
            <label>
              <input
                type="checkbox"
                checked={step.escalation !== undefined}
                onChange={(e) =>
                  set(
                    'escalation',
                    e.target.checked
                      ? { after: step.due ?? 'P3D', to: { type: 'supervisor', of: 'submitter', levels: 2 } }
                      : undefined,
                  )
                }
              />
              {messages.escalate}
            </label>
            {step.escalation ? (
              <>
                <TextField
                  label={messages.escalateAfter}
                  hint={messages.durationHint}
                  value={step.escalation.after}
                  onChange={(v) => set('escalation.after', v)}
                />
                <div className="fbw-field">
                  <span>{messages.escalateTo}</span>
                  <AssigneeRuleEditor
                    rule={step.escalation.to}
                    n={1}
                    onChange={(rule) => set('escalation.to', rule)}
                  />
                </div>
              </>
            ) : null}
          </fieldset>
          <label className="fbw-check">
            <input
              type="checkbox"
              checked={step.onReject !== undefined}
              onChange={(e) =>
                report(e.target.checked ? designer.addArm(step.id) : designer.removeArm(step.id, 1))
              }
            />
            {messages.rejectPath}
          </label>
        </>
      ) : null}
      {step.type === 'notify' ? (
        <>
          <SelectField<Channel>
            label={messages.channel}
            value={step.channel}
            options={(Object.keys(CHANNEL_NAMES) as Channel[]).map((c) => ({
              value: c,
              label: CHANNEL_NAMES[c][locale],
            }))}
            onChange={(v) => set('channel', v)}
          />
          {step.channel === 'inbox' ? null : (
            <TextField
              label={messages.connector}
              value={step.connector ?? ''}
              onChange={(v) => set('connector', v === '' ? undefined : v)}
            />
          )}
          <AssigneeList
            legend={messages.recipients}
            rules={step.to ?? []}
            onChange={(rules: AssigneeRule[]) => set('to', rules.length === 0 ? undefined : rules)}
          />
          <TemplateField
            label={messages.subject}
            value={step.subject}
            onChange={(v) => set('subject', v)}
            placeholders={placeholders}
          />
          <TemplateField
            label={messages.message}
            value={step.message}
            onChange={(v) => set('message', v ?? '')}
            placeholders={placeholders}
            multiline
          />
        </>
      ) : null}
      {step.type === 'condition' ? (
        <>
          {step.branches.map((branch, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a branch is its position
            <div key={index} className="fbw-branch-settings">
              <RuleBuilder
                title={armName(step, index, messages)}
                formula={branch.when}
                emptyFormula="TRUE"
                onChange={(formula) => set(`branches.${index}.when`, formula ?? 'TRUE')}
                fields={fields}
                variables={variables}
                onBlur={designer.checkpoint}
              />
              {step.branches.length > 1 ? (
                <button
                  type="button"
                  className="fb-button"
                  onClick={() => report(designer.removeArm(step.id, index))}
                >
                  {messages.removeBranch(armName(step, index, messages))}
                </button>
              ) : null}
            </div>
          ))}
          <button type="button" className="fb-button" onClick={() => report(designer.addArm(step.id))}>
            {messages.addBranch}
          </button>
        </>
      ) : null}
      {step.type === 'updateRecord' || step.type === 'createRecord' ? (
        <AssignmentList step={step} variables={variables} />
      ) : null}
      {step.type === 'wait' ? (
        <>
          <TextField
            label={messages.waitFor}
            hint={messages.durationHint}
            value={step.duration ?? ''}
            onChange={(v) => set('duration', v === '' ? undefined : v)}
          />
          <FormulaEditor
            label={messages.waitUntil}
            value={step.until ?? ''}
            onChange={(v) => set('until', v === '' ? undefined : v)}
            fields={fields}
            variables={variables}
            onBlur={designer.checkpoint}
          />
        </>
      ) : null}
      {step.type === 'http' ? (
        <>
          <TextField
            label={messages.connector}
            value={step.connector}
            onChange={(v) => set('connector', v)}
          />
          <SelectField
            label={messages.method}
            value={step.method}
            options={(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map((m) => ({
              value: m,
              label: m,
            }))}
            onChange={(v) => set('method', v)}
          />
          <TextField label={messages.path} value={step.path} onChange={(v) => set('path', v)} />
          <TextField
            label={messages.body}
            value={step.body ?? ''}
            onChange={(v) => set('body', v === '' ? undefined : v)}
          />
        </>
      ) : null}
    </div>
  );
}

/** The fields a record step writes, each with its value formula. */
function AssignmentList({
  step,
  variables,
}: {
  readonly step: Extract<Step, { type: 'updateRecord' | 'createRecord' }>;
  readonly variables: ReturnType<typeof workflowVariables>;
}): ReactNode {
  const { designer, messages, locale, fields, forms, report } = useWorkflowContext();
  const key = step.type === 'updateRecord' ? 'set' : 'values';
  const entries = step.type === 'updateRecord' ? step.set : step.values;
  const set = (next: typeof entries) => report(designer.setStepProperty(step.id, key, next));
  const target = step.type === 'createRecord' ? forms.find((f) => f.id === step.form) : undefined;
  const readable = step.type === 'createRecord' ? (target ? formulaScope(target) : []) : fields;
  const writable = readable
    .filter((f) => !f.name.includes('[]'))
    .map((f) => ({ name: f.name, label: f.label[locale] }));
  return (
    <fieldset className="fbw-assignments">
      <legend>{messages.fieldsToSet}</legend>
      {step.type === 'createRecord' ? (
        <SelectField
          label={messages.targetForm}
          value={step.form}
          options={forms.map((f) => ({ value: f.id, label: textIn(f.title, locale) || f.id }))}
          onChange={(v) => report(designer.setStepProperty(step.id, 'form', v))}
        />
      ) : null}
      <ol>
        {entries.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an assignment is its position
          <li key={index}>
            <SelectField
              label={messages.field(index + 1)}
              value={entry.field}
              options={writable.map((f) => ({ value: f.name, label: f.label }))}
              onChange={(v) => set(entries.map((e, i) => (i === index ? { ...e, field: v } : e)))}
            />
            <FormulaEditor
              label={messages.valueFormula(index + 1)}
              value={entry.formula}
              onChange={(v) => set(entries.map((e, i) => (i === index ? { ...e, formula: v } : e)))}
              fields={fields}
              variables={variables}
              onBlur={designer.checkpoint}
            />
            <button
              type="button"
              className="fb-button"
              onClick={() => set(entries.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="fb-button"
        disabled={writable.length === 0}
        onClick={() => set([...entries, { field: writable[0]?.name ?? '', formula: '""' }])}
      >
        {messages.addField}
      </button>
    </fieldset>
  );
}
