import { DEFAULT_TIME_ZONE, localize, type MetricStreakTrigger } from '@formboard/schema';
import type { ReactNode } from 'react';
import { formulaScope } from '../../rules/formulaScope.ts';
import {
  describePreset,
  formatRunTime,
  nextRuns,
  presetCron,
  presetOf,
  SCHEDULE_PRESETS,
  type SchedulePreset,
} from '../../workflow/schedulePresets.ts';
import { TRIGGER_NAMES } from '../../workflow/stepNames.ts';
import { workflowVariables } from '../../workflow/workflowFormulas.ts';
import { TRIGGER_TYPES, type TriggerType } from '../../workflow/workflowTypes.ts';
import { RuleBuilder } from '../rules/RuleBuilder.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import { TextField } from './inputs.tsx';
import { useWorkflowContext, useWorkflowState } from './WorkflowContext.ts';

const CUSTOM = 'custom';
const presetKey = (preset: SchedulePreset) => presetCron(preset);

/** The trigger card's settings: its kind, then the record event, schedule or metric streak settings. */
export function TriggerSettings({ now }: { readonly now: Date }): ReactNode {
  const { designer, messages, locale, forms, form, report } = useWorkflowContext();
  const workflow = useWorkflowState((s) => s.document);
  const { trigger } = workflow;
  const set = (key: string, value: unknown) => report(designer.setTriggerProperty(key, value));
  const formOptions = forms.map((f) => ({ value: f.id, label: localize(f.title, locale) || f.id }));
  return (
    <div className="fbw-trigger-settings">
      <SelectField<TriggerType>
        label={messages.triggerKind}
        value={trigger.type}
        options={TRIGGER_TYPES.map((t) => ({ value: t, label: TRIGGER_NAMES[t][locale] }))}
        onChange={(type) => report(designer.setTriggerType(type, forms[0]?.id ?? ''))}
      />
      {trigger.type === 'record' ? (
        <>
          <SelectField
            label={messages.form}
            value={trigger.form}
            options={formOptions}
            onChange={(v) => set('form', v)}
          />
          <fieldset className="fbw-events">
            <legend>{messages.events}</legend>
            {(['created', 'updated', 'deleted'] as const).map((event) => (
              <label key={event}>
                <input
                  type="checkbox"
                  checked={trigger.events.includes(event)}
                  onChange={(e) =>
                    set(
                      'events',
                      e.target.checked
                        ? [...trigger.events, event]
                        : trigger.events.filter((x) => x !== event),
                    )
                  }
                />
                {messages.eventNames[event]}
              </label>
            ))}
          </fieldset>
          <RuleBuilder
            title={messages.condition}
            formula={trigger.condition}
            onChange={(formula) => set('condition', formula)}
            fields={form ? formulaScope(form) : []}
            variables={workflowVariables(workflow, form ? formulaScope(form) : [], true)}
            onBlur={designer.checkpoint}
          />
        </>
      ) : null}
      {trigger.type === 'schedule' ? (
        <ScheduleSettings cron={trigger.cron} timeZone={trigger.timeZone} now={now} />
      ) : null}
      {trigger.type === 'metricStreak' ? <MetricSettings trigger={trigger} /> : null}
    </div>
  );
}

function ScheduleSettings(props: {
  readonly cron: string;
  readonly timeZone: string | undefined;
  readonly now: Date;
}): ReactNode {
  const { designer, messages, locale, report } = useWorkflowContext();
  const set = (key: string, value: unknown) => report(designer.setTriggerProperty(key, value));
  const preset = presetOf(props.cron);
  const timeZone = props.timeZone ?? DEFAULT_TIME_ZONE;
  const runs = nextRuns(props.cron, timeZone, props.now);
  const options = [
    ...SCHEDULE_PRESETS,
    ...(preset && !SCHEDULE_PRESETS.some((p) => presetKey(p) === presetKey(preset)) ? [preset] : []),
  ];
  return (
    <>
      <SelectField
        label={messages.schedulePreset}
        value={preset ? presetKey(preset) : CUSTOM}
        options={[
          ...options.map((p) => ({ value: presetKey(p), label: describePreset(p)[locale] })),
          { value: CUSTOM, label: messages.customCron },
        ]}
        onChange={(v) => {
          if (v !== CUSTOM) set('cron', v);
        }}
      />
      <TextField label={messages.cron} value={props.cron} onChange={(v) => set('cron', v)} />
      <TextField
        label={messages.timeZone}
        value={timeZone}
        onChange={(v) => set('timeZone', v === '' ? undefined : v)}
      />
      <section className="fbw-next-runs" aria-label={messages.nextRuns}>
        <h4>{messages.nextRuns}</h4>
        {runs.ok ? (
          <ol>
            {runs.runs.map((run) => (
              <li key={run.toISOString()}>{formatRunTime(run, timeZone, locale)}</li>
            ))}
          </ol>
        ) : (
          <p className="fb-error">{runs.problem[locale]}</p>
        )}
      </section>
    </>
  );
}

function MetricSettings({ trigger }: { readonly trigger: MetricStreakTrigger }): ReactNode {
  const { designer, messages, locale, forms, report } = useWorkflowContext();
  const set = (key: string, value: unknown) => report(designer.setTriggerProperty(key, value));
  const source = forms.find((f) => f.id === trigger.query.form);
  const fields = source ? formulaScope(source).filter((f) => !f.name.includes('[]')) : [];
  const fieldOptions = (type?: string) =>
    fields
      .filter((f) => type === undefined || f.type === type)
      .map((f) => ({ value: f.name, label: f.label[locale] }));
  const { query } = trigger;
  return (
    <>
      <SelectField
        label={messages.form}
        value={query.form}
        options={forms.map((f) => ({ value: f.id, label: localize(f.title, locale) || f.id }))}
        onChange={(v) => set('query.form', v)}
      />
      <SelectField
        label={messages.measure}
        value={query.measure.op}
        options={(['count', 'sum', 'avg', 'min', 'max'] as const).map((op) => ({ value: op, label: op }))}
        onChange={(op) =>
          set(
            'query.measure',
            op === 'count'
              ? { op }
              : { op, field: query.measure.field ?? fieldOptions('number')[0]?.value ?? '' },
          )
        }
      />
      {query.measure.op === 'count' ? null : (
        <SelectField
          label={messages.measureField}
          value={query.measure.field ?? ''}
          options={fieldOptions('number')}
          onChange={(v) => set('query.measure.field', v)}
        />
      )}
      <SelectField
        label={messages.groupBy}
        value={query.groupBy}
        options={fieldOptions()}
        onChange={(v) => set('query.groupBy', v)}
      />
      <SelectField
        label={messages.dateField}
        value={query.dateField ?? ''}
        options={fieldOptions('date')}
        onChange={(v) => set('query.dateField', v === '' ? undefined : v)}
      />
      <SelectField
        label={messages.period}
        value={query.period}
        options={(['week', 'month'] as const).map((p) => ({ value: p, label: messages.periodNames[p] }))}
        onChange={(v) => set('query.period', v)}
      />
      <TextField
        label={messages.baseline}
        type="number"
        value={typeof trigger.baseline === 'number' ? String(trigger.baseline) : ''}
        onChange={(v) => set('baseline', Number(v || 0))}
      />
      <SelectField
        label={messages.direction}
        value={trigger.direction}
        options={(['higherIsBetter', 'lowerIsBetter'] as const).map((d) => ({
          value: d,
          label: messages.directionNames[d],
        }))}
        onChange={(v) => set('direction', v)}
      />
      <TextField
        label={messages.periodsInRow}
        type="number"
        value={String(trigger.periods)}
        onChange={(v) => set('periods', Math.min(52, Math.max(1, Math.round(Number(v) || 1))))}
      />
    </>
  );
}
