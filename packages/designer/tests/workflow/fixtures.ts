import type { Form } from '../../src/index.ts';
import {
  createWorkflowDesigner,
  type Workflow,
  type WorkflowDesignerStore,
} from '../../src/workflow/index.ts';
import { countingIds, objectiveForm } from '../fixtures.ts';

/** The forms the fixtures read, for the checks. */
export const forms = (id: string): Form | undefined => (id === 'objective' ? objectiveForm() : undefined);

/** Objective approval: status → pending starts it; the supervisor approves (activate, tell) or rejects (back to draft). */
export function approvalWorkflow(): Workflow {
  return {
    kind: 'workflow',
    id: 'objective-approval',
    schemaVersion: 1,
    title: { 'zh-CN': '目标确认', en: 'Objective approval' },
    trigger: {
      type: 'record',
      form: 'objective',
      events: ['created', 'updated'],
      condition: 'AND(status = "pendingApproval", OR($event = "created", $old.status <> "pendingApproval"))',
    },
    start: 'approve',
    steps: [
      {
        id: 'approve',
        type: 'approval',
        title: { 'zh-CN': '主管确认', en: 'Supervisor approves' },
        assignees: [{ type: 'supervisor', of: 'owner' }],
        mode: 'any',
        due: 'P2D',
        onApprove: 'activate',
        onReject: 'backToDraft',
      },
      {
        id: 'activate',
        type: 'updateRecord',
        set: [{ field: 'status', formula: '"active"' }],
        next: 'tellOwner',
      },
      {
        id: 'tellOwner',
        type: 'notify',
        channel: 'inbox',
        to: [{ type: 'field', path: 'owner' }],
        subject: { 'zh-CN': '目标已确认：{{title}}', en: 'Objective approved: {{title}}' },
        message: { 'zh-CN': '“{{title}}”进度 {{progress}}%', en: '“{{title}}” at {{progress}}%' },
        next: 'done',
      },
      {
        id: 'backToDraft',
        type: 'updateRecord',
        set: [{ field: 'status', formula: '"draft"' }],
        next: 'done',
      },
      { id: 'done', type: 'end' },
    ],
  };
}

/** A schedule with a condition (even weeks) and a notification to managers. */
export function scheduleWorkflow(): Workflow {
  return {
    kind: 'workflow',
    id: 'biweekly',
    schemaVersion: 1,
    title: '双周复盘提醒',
    trigger: { type: 'schedule', cron: '0 9 * * 1', timeZone: 'Asia/Shanghai' },
    start: 'evenWeek',
    steps: [
      {
        id: 'evenWeek',
        type: 'condition',
        branches: [{ when: 'MOD(ISOWEEKNUM($run.startedAt), 2) = 0', next: 'remind' }],
        otherwise: 'done',
      },
      {
        id: 'remind',
        type: 'notify',
        channel: 'inbox',
        to: [{ type: 'role', role: 'manager' }],
        message: '本周请召开双周复盘',
        next: 'done',
      },
      { id: 'done', type: 'end' },
    ],
  };
}

/** A designer on a fixture, with counting ids and the fixture forms. */
export function createTestWorkflowDesigner(definition: Workflow = approvalWorkflow()): WorkflowDesignerStore {
  return createWorkflowDesigner({ definition, nextId: countingIds(), forms });
}

/** The current definition of a designer. */
export const wf = (designer: WorkflowDesignerStore): Workflow => designer.getState().document;

/** The ids of a flow sequence's cards. */
export function cardIds(designer: WorkflowDesignerStore): string[] {
  return designer.flow().main.items.map((item) => item.id);
}
