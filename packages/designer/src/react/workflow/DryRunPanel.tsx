import { type ReactNode, useCallback, useId, useMemo, useState } from 'react';
import { type DryRunSample, dryRun } from '../../workflow/dryRun.ts';
import { stepById } from '../../workflow/workflowTypes.ts';
import { SelectField } from '../shared/SelectField.tsx';
import { SampleRecordForm } from './SampleRecordForm.tsx';
import { stepTitle, useWorkflowContext, useWorkflowState } from './WorkflowContext.ts';

/** Parses JSON text of an object; undefined when it is not one. */
function readObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The dry run: a sample record (made up from the form and filled in as the form itself; as JSON, with the
 * values before the change, only when "advanced" is on), the event and the approvals' decision — or, for a metric streak, values per period — and
 * each step marked "would run" or "skipped" with the reason.
 */
export function DryRunPanel(props: {
  readonly sample: Readonly<Record<string, unknown>>;
  readonly now: Date;
}): ReactNode {
  const { messages, locale, form } = useWorkflowContext();
  const workflow = useWorkflowState((s) => s.document);
  const id = useId();
  // The record is filled in as the form; its JSON is an advanced view of the same value.
  const [record, setRecord] = useState<Record<string, unknown> | undefined>(() => ({ ...props.sample }));
  const [recordText, setRecordText] = useState(() => JSON.stringify(props.sample, null, 2));
  const [seed, setSeed] = useState(0);
  const [advanced, setAdvanced] = useState(form === undefined);
  const [previousText, setPreviousText] = useState('');
  const [event, setEvent] = useState<'created' | 'updated' | 'deleted'>('created');
  const [approvals, setApprovals] = useState<'approve' | 'reject'>('approve');
  const [periodsText, setPeriodsText] = useState('');
  const fromForm = useCallback((value: Record<string, unknown>) => {
    setRecord(value);
    setRecordText(JSON.stringify(value, null, 2));
  }, []);
  const fromJson = (text: string) => {
    setRecordText(text);
    const value = readObject(text);
    setRecord(value);
    if (value) setSeed((n) => n + 1);
  };
  const result = useMemo(() => {
    if (!record) return undefined;
    const previous = previousText.trim() === '' ? undefined : readObject(previousText);
    const periods = periodsText
      .split(/[,，\s]+/)
      .filter((p) => p !== '')
      .map((p) => (Number.isFinite(Number(p)) ? Number(p) : null));
    const sample: DryRunSample = {
      record,
      event,
      approvals,
      now: props.now,
      periods,
      ...(form ? { form } : {}),
      ...(previous ? { previous } : {}),
    };
    return dryRun(workflow, sample);
  }, [workflow, record, previousText, periodsText, event, approvals, form, props.now]);
  const kind = workflow.trigger.type;
  return (
    <section className="fbw-dry-run" aria-label={messages.dryRun}>
      <h3>{messages.dryRun}</h3>
      {form && record ? (
        <SampleRecordForm form={form} value={record} seed={seed} onChange={fromForm} />
      ) : null}
      {form ? (
        <label className="fbw-advanced">
          <input type="checkbox" checked={advanced} onChange={(e) => setAdvanced(e.target.checked)} />
          {messages.editAsJson}
        </label>
      ) : null}
      {advanced ? (
        <>
          <label htmlFor={`${id}-record`}>
            {kind === 'metricStreak'
              ? `${messages.sampleRecordJson} (${messages.groupBy})`
              : messages.sampleRecordJson}
          </label>
          <textarea
            id={`${id}-record`}
            rows={4}
            value={recordText}
            aria-invalid={!record}
            onChange={(e) => fromJson(e.target.value)}
          />
          {record ? null : <p className="fb-error">{messages.invalidJson}</p>}
        </>
      ) : null}
      {kind === 'record' ? (
        <>
          <SelectField
            label={messages.event}
            value={event}
            options={(['created', 'updated', 'deleted'] as const).map((e) => ({
              value: e,
              label: messages.eventNames[e],
            }))}
            onChange={setEvent}
          />
          {advanced ? (
            <>
              <label htmlFor={`${id}-previous`}>{messages.previousValues}</label>
              <textarea
                id={`${id}-previous`}
                rows={2}
                value={previousText}
                onChange={(e) => setPreviousText(e.target.value)}
              />
            </>
          ) : null}
        </>
      ) : null}
      {kind === 'metricStreak' ? (
        <>
          <label htmlFor={`${id}-periods`}>{messages.periodValues}</label>
          <input id={`${id}-periods`} value={periodsText} onChange={(e) => setPeriodsText(e.target.value)} />
        </>
      ) : null}
      <SelectField
        label={messages.approvalsGo}
        value={approvals}
        options={[
          { value: 'approve', label: messages.approved },
          { value: 'reject', label: messages.rejected },
        ]}
        onChange={setApprovals}
      />
      {result ? (
        <div className="fbw-dry-run-result" aria-live="polite">
          <p className={result.trigger.fires ? 'fbw-fires' : 'fbw-skipped'}>
            {result.trigger.fires ? messages.triggerFires : messages.triggerDoesNotFire}：
            {result.trigger.reason[locale]}
          </p>
          <ol className="fbw-dry-run-steps">
            {result.steps.map((entry) => {
              const step = stepById(workflow, entry.id);
              const title = step ? stepTitle(step, locale) : entry.id;
              return (
                <li
                  key={entry.id}
                  className={entry.fires ? 'fbw-fires' : 'fbw-skipped'}
                  data-step-id={entry.id}
                >
                  <strong>{title}</strong>：{entry.fires ? messages.wouldFire : messages.skipped} —{' '}
                  {entry.reason[locale]}
                  {entry.addresses ? <div>→ {entry.addresses[locale]}</div> : null}
                  {entry.branches
                    ? entry.branches.map((b, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a branch is its position
                        <div key={i}>
                          <code>{b.when}</code> ={' '}
                          {b.outcome.ok ? JSON.stringify(b.outcome.value) : b.outcome.problem[locale]}
                        </div>
                      ))
                    : null}
                  {entry.subject ? <div>{entry.subject[locale]}</div> : null}
                  {entry.message ? <blockquote>{entry.message[locale]}</blockquote> : null}
                  {entry.values
                    ? entry.values.map((v) => (
                        <div key={v.field}>
                          {v.field} ←{' '}
                          {v.outcome.ok ? JSON.stringify(v.outcome.value) : v.outcome.problem[locale]}
                        </div>
                      ))
                    : null}
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
