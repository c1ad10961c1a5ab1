import { fixture } from './testStore.ts';

/**
 * The seed's signature rule (schema fixture `workflow-kpi-below-baseline`): an employee's average
 * KPI score below 60 two weeks in a row tells their direct supervisor (inbox + DingTalk robot), once
 * per streak; weeks are read from the scorecard's `period` date.
 */
export function belowBaselineRule(): Record<string, unknown> {
  const rule = fixture('workflow-kpi-below-baseline');
  const trigger = rule.trigger as { query: Record<string, unknown> };
  return { ...rule, trigger: { ...trigger, query: { ...trigger.query, dateField: 'period' } } };
}
