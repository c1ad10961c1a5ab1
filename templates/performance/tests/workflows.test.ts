import { evaluate, prepareFormula } from '@formboard/formula';
import type { WorkflowDefinition, WorkflowStep } from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { readPackJson } from './support/pack.ts';

const workflow = (id: string) => readPackJson(`workflows/${id}.json`) as WorkflowDefinition;

/** Evaluates a workflow formula the way the workflow engine does: record fields as data, `$` variables by root. */
function holds(source: string, data: Record<string, unknown>, variables: Record<string, unknown>): boolean {
  const prepared = prepareFormula(source, {
    variables: { $old: 'any', $event: 'any', $streak: 'any', $run: 'any', $alert: 'any' },
  });
  if (!prepared.ok) throw new Error(prepared.issues[0]?.messages.en);
  return evaluate(prepared.compiled, { data, variables, timeZone: 'Asia/Shanghai' }) === true;
}

function condition(definition: WorkflowDefinition): string {
  if (definition.trigger.type !== 'record' || !definition.trigger.condition) throw new Error('no condition');
  return definition.trigger.condition;
}

function step<T extends WorkflowStep['type']>(definition: WorkflowDefinition, id: string, type: T) {
  const found = definition.steps.find((s) => s.id === id);
  if (found?.type !== type) throw new Error(`no ${type} step ${id}`);
  return found as Extract<WorkflowStep, { type: T }>;
}

describe('objective approval', () => {
  const approval = workflow('objective-approval');
  const objective = { status: 'pendingApproval', level: 'team' };

  it('starts when an objective is submitted for approval, on creation or by a change of status', () => {
    expect(holds(condition(approval), objective, { event: 'created', old: {} })).toBe(true);
    expect(holds(condition(approval), objective, { event: 'updated', old: { status: 'draft' } })).toBe(true);
  });

  it('does not start again on later edits, nor for company objectives, nor for other statuses', () => {
    expect(
      holds(condition(approval), objective, { event: 'updated', old: { status: 'pendingApproval' } }),
    ).toBe(false);
    expect(
      holds(condition(approval), { ...objective, level: 'company' }, { event: 'created', old: {} }),
    ).toBe(false);
    expect(
      holds(
        condition(approval),
        { ...objective, status: 'active' },
        { event: 'updated', old: { status: 'pendingApproval' } },
      ),
    ).toBe(false);
  });

  it('asks the direct supervisor, escalates to the skip level, and sets the status either way', () => {
    const task = step(approval, 'supervisorApproves', 'approval');
    expect(task.assignees).toEqual([{ type: 'supervisor', of: 'owner' }]);
    expect(task.escalation?.to).toEqual({ type: 'supervisor', of: 'owner', levels: 2 });
    expect(step(approval, task.onApprove ?? '', 'updateRecord').set).toEqual([
      { field: 'status', formula: '"active"' },
    ]);
    expect(step(approval, task.onReject ?? '', 'updateRecord').set).toEqual([
      { field: 'status', formula: '"draft"' },
    ]);
  });
});

describe('review cycle', () => {
  const cycle = workflow('review-cycle');
  const route = step(cycle, 'byStage', 'condition');
  const nextFor = (stage: string) => route.branches.find((b) => holds(b.when, { stage }, {}))?.next;

  it('runs when a review is created or moves to another stage, not on other edits', () => {
    expect(holds(condition(cycle), { stage: 'self' }, { event: 'created', old: {} })).toBe(true);
    expect(holds(condition(cycle), { stage: 'manager' }, { event: 'updated', old: { stage: 'self' } })).toBe(
      true,
    );
    expect(
      holds(condition(cycle), { stage: 'manager' }, { event: 'updated', old: { stage: 'manager' } }),
    ).toBe(false);
  });

  it('tells the next person at each stage: self → manager → calibration → shared → acknowledged', () => {
    expect(nextFor('self')).toBe('askSelfReview');
    expect(nextFor('manager')).toBe('askManager');
    expect(nextFor('calibration')).toBe('calibrationSignOff');
    expect(nextFor('shared')).toBe('askAcknowledge');
    expect(nextFor('acknowledged')).toBe('tellManagerDone');
  });

  it('shares the review once the skip-level supervisor signs off the calibration, else sends it back', () => {
    const signOff = step(cycle, 'calibrationSignOff', 'approval');
    expect(signOff.assignees).toEqual([{ type: 'supervisor', of: 'employee', levels: 2 }]);
    expect(step(cycle, signOff.onApprove ?? '', 'updateRecord').set).toEqual([
      { field: 'stage', formula: '"shared"' },
    ]);
    expect(step(cycle, signOff.onReject ?? '', 'updateRecord').set).toEqual([
      { field: 'stage', formula: '"manager"' },
    ]);
  });
});

describe('biweekly review reminder', () => {
  const reminder = workflow('biweekly-review-reminder');
  const evenWeek = step(reminder, 'evenWeek', 'condition').branches[0]?.when ?? '';

  it('fires every Monday at 09:00 in Shanghai and reminds on even ISO weeks only', () => {
    expect(reminder.trigger).toEqual({ type: 'schedule', cron: '0 9 * * 1', timeZone: 'Asia/Shanghai' });
    expect(holds(evenWeek, {}, { run: { startedAt: '2026-11-23T01:00:00Z' } })).toBe(true); // ISO week 48
    expect(holds(evenWeek, {}, { run: { startedAt: '2026-11-30T01:00:00Z' } })).toBe(false); // week 49
    expect(holds(evenWeek, {}, { run: { startedAt: '2026-12-07T01:00:00Z' } })).toBe(true); // week 50
  });
});

describe('weekly check-in reminder', () => {
  const reminder = workflow('check-in-reminder');

  it('reminds every member on Friday morning, then managers six hours later', () => {
    expect(reminder.trigger).toEqual({ type: 'schedule', cron: '0 10 * * 5', timeZone: 'Asia/Shanghai' });
    expect(step(reminder, 'remindEveryone', 'notify').to).toEqual([{ type: 'role', role: 'member' }]);
    expect(step(reminder, 'untilAfternoon', 'wait').duration).toBe('PT6H');
    expect(step(reminder, 'remindManagers', 'notify').to).toEqual([{ type: 'role', role: 'manager' }]);
  });
});
