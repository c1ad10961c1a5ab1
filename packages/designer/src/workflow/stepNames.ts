import type { LocalizedMessage } from '@formboard/formula';
import type { StepType, TriggerType } from './workflowTypes.ts';

/** What each kind of step is called on its card and in the "+" menu. */
export const STEP_NAMES: Readonly<Record<StepType, LocalizedMessage>> = {
  approval: { 'zh-CN': '审批', en: 'Approval' },
  notify: { 'zh-CN': '通知', en: 'Notification' },
  condition: { 'zh-CN': '条件分支', en: 'Condition' },
  updateRecord: { 'zh-CN': '更新记录', en: 'Update record' },
  createRecord: { 'zh-CN': '新建记录', en: 'Create record' },
  wait: { 'zh-CN': '等待', en: 'Wait' },
  http: { 'zh-CN': 'HTTP 请求', en: 'HTTP request' },
  end: { 'zh-CN': '结束', en: 'End' },
};

/** What each kind of trigger is called. */
export const TRIGGER_NAMES: Readonly<Record<TriggerType, LocalizedMessage>> = {
  record: { 'zh-CN': '记录变化时', en: 'When a record changes' },
  schedule: { 'zh-CN': '定时', en: 'On a schedule' },
  metricStreak: { 'zh-CN': '指标连续预警', en: 'Metric streak' },
};
