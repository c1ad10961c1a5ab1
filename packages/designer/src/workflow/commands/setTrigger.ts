import { DEFAULT_TIME_ZONE, type WorkflowTrigger } from '@formboard/schema';
import { type Command, refuse } from '../../core/Command.ts';
import { parsePropertyPath, setPath } from '../setPath.ts';
import { TRIGGER_NAMES } from '../stepNames.ts';
import type { TriggerType, Workflow } from '../workflowTypes.ts';

/** The form a trigger's runs are about (undefined for a schedule). */
export function triggerForm(trigger: WorkflowTrigger): string | undefined {
  if (trigger.type === 'record') return trigger.form;
  if (trigger.type === 'metricStreak') return trigger.query.form;
  return undefined;
}

/** The workflow with a new trigger, its `form` (when it names one) kept equal to the trigger's, as the schema asks. */
function withTrigger(workflow: Workflow, trigger: WorkflowTrigger): Workflow {
  if (trigger === workflow.trigger) return workflow;
  const next = { ...workflow, trigger };
  if (workflow.form === undefined) return next;
  const form = triggerForm(trigger);
  if (form === undefined) {
    const { form: _dropped, ...rest } = next;
    return rest;
  }
  return { ...next, form };
}

/** A trigger of a kind with its settings filled in as far as they can be guessed (the form from the current one). */
export function defaultTrigger(
  type: TriggerType,
  current: WorkflowTrigger,
  fallbackForm: string,
): WorkflowTrigger {
  const form = triggerForm(current) ?? fallbackForm;
  switch (type) {
    case 'record':
      return { type, form, events: ['created', 'updated'] };
    case 'schedule':
      return { type, cron: '0 9 * * 1', timeZone: DEFAULT_TIME_ZONE };
    case 'metricStreak':
      return {
        type,
        query: { form, measure: { op: 'count' }, groupBy: '', period: 'week', timeZone: DEFAULT_TIME_ZONE },
        baseline: 0,
        direction: 'higherIsBetter',
        periods: 2,
      };
  }
}

/** Replaces the trigger (kind and settings). */
export function setTrigger(trigger: WorkflowTrigger): Command<Workflow> {
  return {
    label: {
      'zh-CN': `触发方式：${TRIGGER_NAMES[trigger.type]['zh-CN']}`,
      en: `Trigger: ${TRIGGER_NAMES[trigger.type].en}`,
    },
    run: (workflow) => ({ document: withTrigger(workflow, trigger) }),
  };
}

/**
 * Sets one setting of the trigger by its path (`cron`, `timeZone`, `condition`, `events`, `form`,
 * `query.groupBy`, `query.measure`, `baseline`, `direction`, `periods`…); undefined removes an optional
 * one. The kind changes with `setTrigger`. Edits of one setting in a row merge.
 */
export function setTriggerProperty(key: string, value: unknown): Command<Workflow> {
  return {
    label: { 'zh-CN': '修改触发设置', en: 'Change trigger settings' },
    mergeKey: `trigger:${key}`,
    run(workflow) {
      const path = parsePropertyPath(key);
      if (!path || path[0] === 'type')
        return refuse(`不能这样修改 ${key}`, `${key} cannot be changed this way`);
      return { document: withTrigger(workflow, setPath(workflow.trigger, path, value)) };
    },
  };
}
