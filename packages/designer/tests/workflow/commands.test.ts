import { describe, expect, it } from 'vitest';
import { stepById } from '../../src/workflow/workflowTypes.ts';
import { approvalWorkflow, cardIds, createTestWorkflowDesigner, scheduleWorkflow, wf } from './fixtures.ts';

describe('addStep', () => {
  it('puts a step between two steps: it takes over the link and goes on where it went', () => {
    const designer = createTestWorkflowDesigner();
    expect(designer.addStep('notify', { after: 'activate' })).toEqual({ ok: true });
    const id = designer.getState().selection[0] as string;
    expect(id).toBe('notify_a0001');
    expect(stepById(wf(designer), 'activate')).toMatchObject({ next: id });
    expect(stepById(wf(designer), id)).toMatchObject({ type: 'notify', channel: 'inbox', next: 'tellOwner' });
    // Listed after its anchor in the definition's own order.
    expect(
      wf(designer)
        .steps.map((s) => s.id)
        .indexOf(id),
    ).toBe(2);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('adds at the start, and at the start of a branch arm', () => {
    const designer = createTestWorkflowDesigner();
    designer.addStep('wait', { start: true });
    expect(wf(designer).start).toBe('wait_a0001');
    expect(stepById(wf(designer), 'wait_a0001')).toMatchObject({ next: 'approve', duration: 'P1D' });
    designer.addStep('notify', { branch: 'approve', arm: 1 });
    expect(stepById(wf(designer), 'approve')).toMatchObject({ onReject: 'notify_a0002' });
    expect(stepById(wf(designer), 'notify_a0002')).toMatchObject({ next: 'backToDraft' });
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('after a branch card, the new step goes where the arms meet, for every arm', () => {
    const designer = createTestWorkflowDesigner();
    designer.addStep('notify', { after: 'approve' });
    const id = 'notify_a0001';
    expect(stepById(wf(designer), 'tellOwner')).toMatchObject({ next: id });
    expect(stepById(wf(designer), 'backToDraft')).toMatchObject({ next: id });
    expect(stepById(wf(designer), id)).toMatchObject({ next: 'done' });
    expect(cardIds(designer)).toEqual(['approve', id, 'done']);
  });

  it('gives a new approval the supervisor of the submitter, and a new condition its two arms', () => {
    const designer = createTestWorkflowDesigner();
    designer.addStep('approval', { after: 'activate' });
    expect(stepById(wf(designer), 'approval_a0001')).toMatchObject({
      assignees: [{ type: 'supervisor', of: 'submitter' }],
      mode: 'any',
      onApprove: 'tellOwner',
    });
    designer.addStep('condition', { after: 'approval_a0001' });
    expect(stepById(wf(designer), 'condition_a0002')).toMatchObject({
      branches: [{ when: 'TRUE', next: 'tellOwner' }],
      otherwise: 'tellOwner',
    });
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('refuses a place after an end step, and a step that does not exist', () => {
    const designer = createTestWorkflowDesigner();
    const after = designer.addStep('notify', { after: 'done' });
    expect(after.ok).toBe(false);
    expect(designer.addStep('notify', { after: 'nope' })).toMatchObject({ ok: false });
    expect(designer.getState().past).toBeUndefined();
  });
});

describe('removeSteps', () => {
  it('links what led to a step to what followed it', () => {
    const designer = createTestWorkflowDesigner();
    designer.removeSteps(['activate']);
    expect(stepById(wf(designer), 'approve')).toMatchObject({ onApprove: 'tellOwner' });
    expect(stepById(wf(designer), 'activate')).toBeUndefined();
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('removes a branch card with its arms; the start moves to where they met', () => {
    const designer = createTestWorkflowDesigner();
    designer.removeSteps(['approve']);
    expect(wf(designer).start).toBe('done');
    expect(wf(designer).steps.map((s) => s.id)).toEqual(['done']);
  });

  it('gives a condition branch that would point nowhere an end step', () => {
    const designer = createTestWorkflowDesigner(scheduleWorkflow());
    designer.removeSteps(['done']);
    // remind ended the run; the branch now leads to remind, otherwise ends.
    expect(stepById(wf(designer), 'remind')).not.toHaveProperty('next');
    designer.removeSteps(['remind']);
    const condition = stepById(wf(designer), 'evenWeek');
    expect(condition?.type === 'condition' && condition.branches[0]?.next).toBe('end_a0001');
    expect(stepById(wf(designer), 'end_a0001')).toMatchObject({ type: 'end' });
    expect(designer.toDefinition().ok).toBe(true);
  });
});

describe('moving steps', () => {
  it('moves a step up and down its arm, and out of the arm at its ends', () => {
    const designer = createTestWorkflowDesigner();
    designer.moveStepBy('tellOwner', 'up');
    expect(stepById(wf(designer), 'approve')).toMatchObject({ onApprove: 'tellOwner' });
    expect(stepById(wf(designer), 'tellOwner')).toMatchObject({ next: 'activate' });
    expect(stepById(wf(designer), 'activate')).toMatchObject({ next: 'done' });
    designer.moveStepBy('tellOwner', 'up');
    expect(wf(designer).start).toBe('tellOwner');
    expect(stepById(wf(designer), 'tellOwner')).toMatchObject({ next: 'approve' });
    expect(designer.moveStepBy('tellOwner', 'up')).toMatchObject({ ok: false });
    designer.moveStepBy('tellOwner', 'down');
    // Down past a branch card: to where its arms meet.
    expect(cardIds(designer)).toEqual(['approve', 'tellOwner', 'done']);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('moves a step into a branch arm, and refuses to move a branch into itself', () => {
    const designer = createTestWorkflowDesigner();
    designer.moveStep('tellOwner', { branch: 'approve', arm: 1 });
    expect(stepById(wf(designer), 'approve')).toMatchObject({ onReject: 'tellOwner' });
    expect(stepById(wf(designer), 'tellOwner')).toMatchObject({ next: 'backToDraft' });
    expect(stepById(wf(designer), 'activate')).toMatchObject({ next: 'done' });
    expect(designer.moveStep('approve', { after: 'activate' })).toMatchObject({ ok: false });
  });
});

describe('arms', () => {
  it('adds and removes condition branches; the last one cannot go', () => {
    const designer = createTestWorkflowDesigner(scheduleWorkflow());
    designer.addArm('evenWeek');
    const condition = () => stepById(wf(designer), 'evenWeek');
    expect(condition()).toMatchObject({ branches: [{ next: 'remind' }, { when: 'TRUE', next: 'done' }] });
    designer.removeArm('evenWeek', 0);
    expect(condition()).toMatchObject({ branches: [{ when: 'TRUE', next: 'done' }] });
    expect(stepById(wf(designer), 'remind')).toBeUndefined();
    expect(designer.removeArm('evenWeek', 0)).toMatchObject({ ok: false });
  });

  it("toggles an approval's rejection path", () => {
    const designer = createTestWorkflowDesigner();
    designer.removeArm('approve', 1);
    expect(stepById(wf(designer), 'approve')).not.toHaveProperty('onReject');
    expect(stepById(wf(designer), 'backToDraft')).toBeUndefined();
    designer.addArm('approve');
    expect(stepById(wf(designer), 'approve')).toMatchObject({ onApprove: 'activate', onReject: 'activate' });
    expect(designer.removeArm('approve', 0)).toMatchObject({ ok: false });
  });
});

describe('settings', () => {
  it('sets approval settings; typing into one property is one undo step', () => {
    const designer = createTestWorkflowDesigner();
    designer.setStepProperty('approve', 'assignees', [{ type: 'supervisor', of: 'submitter', levels: 2 }]);
    designer.setStepProperty('approve', 'mode', 'all');
    designer.setStepProperty('approve', 'due', 'P');
    designer.setStepProperty('approve', 'due', 'P3');
    designer.setStepProperty('approve', 'due', 'P3D');
    designer.setStepProperty('approve', 'escalation', {
      after: 'P3D',
      to: { type: 'supervisor', of: 'owner', levels: 2 },
    });
    expect(stepById(wf(designer), 'approve')).toMatchObject({
      assignees: [{ type: 'supervisor', of: 'submitter', levels: 2 }],
      mode: 'all',
      due: 'P3D',
      escalation: { after: 'P3D' },
    });
    expect(designer.getState().past?.size).toBe(4);
    designer.undo();
    designer.undo();
    expect(stepById(wf(designer), 'approve')).toMatchObject({ due: 'P2D' });
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('sets notification settings and branch formulas; links and required settings are refused', () => {
    const designer = createTestWorkflowDesigner(scheduleWorkflow());
    designer.setStepProperty('remind', 'channel', 'dingtalk');
    designer.setStepProperty('remind', 'connector', 'team-robot');
    designer.setStepProperty('remind', 'message', { 'zh-CN': '复盘 {{$run.id}}', en: 'Review {{$run.id}}' });
    designer.setStepProperty('evenWeek', 'branches.0.when', 'ISOWEEKNUM($run.startedAt) > 10');
    expect(stepById(wf(designer), 'remind')).toMatchObject({ channel: 'dingtalk', connector: 'team-robot' });
    expect(stepById(wf(designer), 'evenWeek')).toMatchObject({
      branches: [{ when: 'ISOWEEKNUM($run.startedAt) > 10' }],
    });
    expect(designer.toDefinition().ok).toBe(true);
    expect(designer.setStepProperty('remind', 'next', 'evenWeek').ok).toBe(false);
    expect(designer.setStepProperty('remind', 'message', undefined).ok).toBe(false);
    expect(designer.setStepProperty('evenWeek', 'branches.0.next', 'remind').ok).toBe(false);
    expect(designer.setStepProperty('evenWeek', 'branches.3.when', 'TRUE').ok).toBe(false);
    expect(designer.setStepProperty('remind', '__proto__.x', 1).ok).toBe(false);
  });

  it('changes the trigger kind and settings, keeping the workflow form in step', () => {
    const designer = createTestWorkflowDesigner({ ...approvalWorkflow(), form: 'objective' });
    designer.setTriggerType('schedule');
    expect(wf(designer).trigger).toEqual({ type: 'schedule', cron: '0 9 * * 1', timeZone: 'Asia/Shanghai' });
    expect(wf(designer)).not.toHaveProperty('form');
    designer.setTriggerProperty('cron', '0 9 * * 1-5');
    expect(wf(designer).trigger).toMatchObject({ cron: '0 9 * * 1-5' });
    designer.undo();
    designer.undo();
    expect(wf(designer).form).toBe('objective');
    designer.setTriggerType('metricStreak');
    expect(wf(designer).trigger).toMatchObject({
      type: 'metricStreak',
      query: { form: 'objective', period: 'week' },
    });
    designer.setTriggerProperty('query.groupBy', 'owner');
    expect(wf(designer).trigger).toMatchObject({ query: { groupBy: 'owner' } });
    expect(designer.setTriggerProperty('type', 'record').ok).toBe(false);
  });

  it('sets the title and refuses to remove it', () => {
    const designer = createTestWorkflowDesigner();
    designer.setWorkflowProperty('title', { 'zh-CN': '新标题', en: 'New title' });
    expect(wf(designer).title).toEqual({ 'zh-CN': '新标题', en: 'New title' });
    expect(designer.setWorkflowProperty('title', undefined).ok).toBe(false);
  });
});
