import { describe, expect, it } from 'vitest';
import { fill, messagesAt } from './support/engine.ts';
import { loadForm } from './support/pack.ts';

describe('one-on-one', () => {
  const meeting = (values: Record<string, unknown>) =>
    fill('one-on-one', {
      manager: 'u-lead',
      employee: 'u-1',
      heldAt: '2026-09-15T14:00:00+08:00',
      reason: 'regular',
      ...values,
    });

  it('lasts 15 minutes unless said otherwise, and suggests the next one two weeks later', () => {
    const form = meeting({});
    expect(form.getValue('minutes')).toBe(15);
    expect(form.getValue('nextMeeting')).toBe('2026-09-29');
  });

  it('measures an alert follow-up: raised Monday 08:30, talked Monday 17:00 — 8.5 hours', () => {
    const form = meeting({
      reason: 'alertFollowUp',
      alertRaisedAt: '2026-09-14T08:30:00+08:00',
      heldAt: '2026-09-14T17:00:00+08:00',
    });
    expect(form.getValue('responseHours')).toBe(8.5);
    form.setValue('heldAt', '2026-09-15T20:30:00+08:00');
    expect(form.getValue('responseHours')).toBe(36); // past the 24-hour goal
  });

  it('asks for the alert time only for alert follow-ups, and it must come before the meeting', () => {
    expect(meeting({}).getFieldState('alertRaisedAt')).toMatchObject({ visible: false, required: false });
    expect(meeting({}).getValue('responseHours')).toBeUndefined();
    const followUp = meeting({ reason: 'alertFollowUp' });
    expect(followUp.getFieldState('alertRaisedAt').required).toBe(true);
    followUp.setValue('alertRaisedAt', '2026-09-16T09:00:00+08:00');
    expect(messagesAt(followUp, 'alertRaisedAt')).toContain('An alert follow-up happens after the alert');
  });

  it('counts open action items, and asks a due date of the open ones only', () => {
    const form = meeting({
      actionItems: [
        { action: '整理换型标准作业卡', owner: 'u-1', due: '2026-09-22' },
        { action: '约采购开交期会', owner: 'u-lead', done: true },
        { action: '报名精益培训', owner: 'u-1' },
      ],
    });
    expect(form.getValue('openActions')).toBe(2);
    expect(messagesAt(form, 'actionItems[2].due')).toContain('Give open action items a due date');
    expect(messagesAt(form, 'actionItems[1].due')).toEqual([]);
  });

  it('needs two different people', () => {
    expect(messagesAt(meeting({ employee: 'u-lead' }), 'employee')).toContain(
      'A one-on-one needs two people: the manager and the employee',
    );
  });

  it('hides the manager’s private note from members (the server enforces access.hiddenFields)', () => {
    expect(loadForm('one-on-one').access?.hiddenFields?.member).toEqual(['privateNote']);
  });
});

describe('performance review and calibration', () => {
  const review = (values: Record<string, unknown>) =>
    fill('review', {
      employee: 'u-1',
      manager: 'u-lead',
      cycle: '2026-Q3',
      startedOn: '2026-10-08',
      stage: 'calibration',
      selfRating: 5,
      managerComment: '目标达成扎实',
      ...values,
    });

  it('proposes 70% manager + 20% peers + 10% self: 4, 3.5 and 5 give 4.0', () => {
    const form = review({ managerRating: 4, peerRating: 3.5, selfRating: 5, potential: 3 });
    expect(form.getValue('proposedRating')).toBe(4);
    expect(form.getValue('finalRating')).toBe(4);
  });

  it('counts a missing peer or self rating as the manager’s: 3 alone proposes 3', () => {
    const form = review({ managerRating: 3, selfRating: undefined, stage: 'manager', potential: 2 });
    expect(form.getValue('proposedRating')).toBe(3);
  });

  it('rounds the proposal for the final rating unless calibration set one: 3.5 → 4, calibrated 3 → 3', () => {
    // 0.7 × 3 + 0.2 × 4.5 + 0.1 × 5 = 2.1 + 0.9 + 0.5 = 3.5
    const form = review({ managerRating: 3, peerRating: 4.5, potential: 2 });
    expect(form.getValue('proposedRating')).toBe(3.5);
    expect(form.getValue('finalRating')).toBe(4);
    form.setValue('calibratedRating', 3);
    expect(form.getValue('finalRating')).toBe(3);
  });

  it('asks for the reason when calibration moves away from the rounded proposal', () => {
    const form = review({ managerRating: 4, peerRating: 4, potential: 2, calibratedRating: 3 });
    expect(messagesAt(form, 'calibrationReason')).toContain(
      'The calibrated rating differs from the proposal; give the reason',
    );
    form.setValue('calibratedRating', 4);
    expect(messagesAt(form, 'calibrationReason')).toEqual([]);
  });

  it.each([
    [1, 1, 1],
    [3, 1, 2],
    [5, 1, 3],
    [2, 2, 4],
    [3, 2, 5],
    [4, 2, 6],
    [1, 3, 7],
    [3, 3, 8],
    [5, 3, 9],
  ])('places final rating %i with potential %i in nine-box cell %i', (rating, potential, cell) => {
    const form = review({ managerRating: rating, peerRating: rating, selfRating: rating, potential });
    expect(form.getValue('finalRating')).toBe(rating);
    expect(form.getValue('nineBox')).toBe(cell);
  });

  it('counts the cycle in days from the start to the acknowledgement', () => {
    const form = review({
      stage: 'acknowledged',
      managerRating: 3,
      potential: 2,
      calibratedRating: 3,
      acknowledgedOn: '2026-11-05',
    });
    expect(form.getValue('cycleDays')).toBe(28);
    expect(messagesAt(form, '')).toEqual([]);
  });

  it('asks for each stage’s fields as the review moves on', () => {
    expect(review({ stage: 'self', selfRating: undefined }).getFieldState('selfRating').required).toBe(false);
    expect(review({ stage: 'manager' }).getFieldState('selfRating').required).toBe(true);
    const shared = review({ stage: 'shared', managerRating: 3, potential: 2 });
    expect(messagesAt(shared, 'calibratedRating').length).toBeGreaterThan(0);
    expect(
      review({ stage: 'acknowledged', managerRating: 3, potential: 2, calibratedRating: 3 }).getFieldState(
        'acknowledgedOn',
      ).required,
    ).toBe(true);
  });
});
