import type { AssigneeRule } from '@formboard/schema';
import { STEP_NAMES } from './stepNames.ts';
import type { Step, StepType, Workflow } from './workflowTypes.ts';

/**
 * Who a new approval or message goes to: the submitter's direct supervisor when runs are about a
 * record, the group's (e.g. the employee's) supervisor for a metric streak, else managers.
 */
export function defaultAssignee(workflow: Workflow): AssigneeRule {
  const { trigger } = workflow;
  if (trigger.type === 'record') return { type: 'supervisor', of: 'submitter' };
  if (trigger.type === 'metricStreak' && trigger.query.groupBy !== '') {
    return { type: 'supervisor', of: trigger.query.groupBy };
  }
  return { type: 'role', role: 'manager' };
}

/**
 * A new step of a kind, linked to `target` (the step after it; undefined when the run ends after it).
 * A condition's branch must name a step: without a target it is given `end` (an end step the caller
 * adds, named by `endId`). Settings a step cannot do without and the designer cannot guess (the
 * fields a record step writes, an HTTP connector) are left empty: the problems list asks for them.
 */
export function newStep(
  type: StepType,
  id: string,
  workflow: Workflow,
  target: string | undefined,
  endId: () => string,
): { step: Step; end?: Step } {
  const title = { ...STEP_NAMES[type] };
  const next = target === undefined ? {} : { next: target };
  switch (type) {
    case 'approval':
      return {
        step: {
          type,
          id,
          title,
          assignees: [defaultAssignee(workflow)],
          mode: 'any',
          due: 'P2D',
          ...(target === undefined ? {} : { onApprove: target }),
        },
      };
    case 'notify':
      return {
        step: {
          type,
          id,
          title,
          channel: 'inbox',
          to: [defaultAssignee(workflow)],
          subject: { 'zh-CN': '流程通知', en: 'Workflow notification' },
          message: { 'zh-CN': '请查看。', en: 'Please take a look.' },
          ...next,
        },
      };
    case 'condition': {
      const end: Step | undefined =
        target === undefined ? { type: 'end', id: endId(), title: { ...STEP_NAMES.end } } : undefined;
      const to = target ?? (end as Step).id;
      const step: Step = {
        type,
        id,
        title,
        branches: [{ when: 'TRUE', next: to }],
        ...(target === undefined ? {} : { otherwise: target }),
      };
      return end ? { step, end } : { step };
    }
    case 'updateRecord':
      return { step: { type, id, title, set: [], ...next } };
    case 'createRecord':
      return { step: { type, id, title, form: workflow.form ?? '', values: [], ...next } };
    case 'http':
      return { step: { type, id, title, connector: '', method: 'POST', path: '/', ...next } };
    case 'wait':
      return { step: { type, id, title, duration: 'P1D', ...next } };
    case 'end':
      return { step: { type, id, title } };
  }
}

/** Makes new step ids (`approval_k3x9q`) unique in the workflow and among each other. */
export function stepIdMaker(workflow: Workflow, nextId: () => string): (type: StepType) => string {
  const taken = new Set(workflow.steps.map((s) => s.id));
  return (type) => {
    for (;;) {
      const id = `${type}_${nextId()}`;
      if (taken.has(id)) continue;
      taken.add(id);
      return id;
    }
  };
}
