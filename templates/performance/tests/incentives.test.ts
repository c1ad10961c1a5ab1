import { describe, expect, it } from 'vitest';
import { fill, messagesAt } from './support/engine.ts';

describe('incentive pilot: delivery-cycle compression', () => {
  const project = (values: Record<string, unknown>) =>
    fill('incentive-pilot', {
      project: 'VMC-850 华东汽配客户订单',
      productLine: 'vmc',
      owner: 'u-pm',
      status: 'delivered',
      startedOn: '2026-05-04',
      deliveredOn: '2026-08-24',
      baselineDays: 147,
      trialPassRate: 0.97,
      bonusRule: 'tiered',
      baseBonus: 20000,
      ...values,
    });

  it('compresses 147 days to 112 by 23.8%, worth the 1× tier: ¥20,000', () => {
    const form = project({});
    expect(form.getValue('actualDays')).toBe(112);
    expect(form.getValue('compression')).toBe(0.2381);
    expect(form.getValue('bonusFactor')).toBe(1);
    expect(form.getValue('bonus')).toBe(20000);
  });

  it.each([
    [0.08, 0],
    [0.1, 0.5],
    [0.2, 1],
    [0.3, 1.5],
  ])('pays the tier of %s compression at a factor of %s', (compression, factor) => {
    const form = project({ baselineDays: 100, deliveredOn: undefined, status: 'inProgress' });
    form.setValue('startedOn', '2026-01-01');
    form.setValue(
      'deliveredOn',
      new Date(Date.UTC(2026, 0, 1 + Math.round(100 * (1 - compression)))).toISOString().slice(0, 10),
    );
    form.setValue('status', 'delivered');
    expect(form.getValue('compression')).toBe(compression);
    expect(form.getValue('bonusFactor')).toBe(factor);
  });

  it('pays linearly on the linear rule: 23.8% ÷ 20% = 1.1905 × ¥20,000 = ¥23,810, at most 1.5×', () => {
    expect(project({ bonusRule: 'linear' }).getValue('bonus')).toBe(23810);
    expect(project({ bonusRule: 'linear', deliveredOn: '2026-07-14' }).getValue('bonusFactor')).toBe(1.5);
  });

  it('pays nothing below the quality gate, however fast: speed must not cost quality', () => {
    const form = project({ trialPassRate: 0.93 });
    expect(form.getValue('qualityMet')).toBe(false);
    expect(form.getValue('bonus')).toBe(0);
  });

  it('pays nothing for a slower delivery than the baseline', () => {
    const form = project({ deliveredOn: '2026-10-05' });
    expect(form.getValue('compression')).toBeLessThan(0);
    expect(form.getValue('bonus')).toBe(0);
  });

  it('computes nothing while the project runs, and asks for the delivery date once delivered', () => {
    const running = project({ status: 'inProgress', deliveredOn: undefined, trialPassRate: undefined });
    expect(running.getValue('compression')).toBeUndefined();
    expect(running.getValue('bonus')).toBeUndefined();
    running.setValue('status', 'delivered');
    expect(messagesAt(running, 'deliveredOn').length).toBeGreaterThan(0);
  });
});

describe('digital pioneer: data completeness', () => {
  const month = (values: Record<string, unknown>) =>
    fill('digital-pioneer', {
      employee: 'u-1',
      month: '2026-10-01',
      expectedCheckIns: 4,
      checkIns: 4,
      expectedKpiValues: 8,
      kpiValues: 8,
      feedbackGiven: 2,
      oneOnOnes: 2,
      ...values,
    });

  it('scores a complete month 100, a digital pioneer', () => {
    const form = month({});
    expect(form.getValue('score')).toBe(100);
    expect(form.getValue('level')).toBe('pioneer');
  });

  it('weighs check-ins 40, KPI values 30, feedback 20 and one-on-ones 10', () => {
    // 3 of 4 check-ins (30) + 6 of 8 values (22.5) + 1 of 2 feedback (10) + 1 of 2 one-on-ones (5) = 67.5
    const form = month({ checkIns: 3, kpiValues: 6, feedbackGiven: 1, oneOnOnes: 1 });
    expect(form.getValue('checkInRate')).toBe(0.75);
    expect(form.getValue('kpiRate')).toBe(0.75);
    expect(form.getValue('score')).toBe(67.5);
    expect(form.getValue('level')).toBe('behind');
  });

  it('counts nothing due as complete: an operator without key results owes no check-ins', () => {
    const form = month({ expectedCheckIns: 0, checkIns: 0, feedbackGiven: 0, oneOnOnes: 1 });
    expect(form.getValue('checkInRate')).toBe(1);
    expect(form.getValue('score')).toBe(75);
    expect(form.getValue('level')).toBe('onTrack');
  });

  it('adds goal updates and feedback given into participation (the three-dimension goal is ≥ 2)', () => {
    expect(month({ checkIns: 1, feedbackGiven: 2 }).getValue('participation')).toBe(3);
  });

  it('refuses more done than due, and a month not given as its first day', () => {
    const form = month({ checkIns: 5, kpiValues: 9, month: '2026-10-15' });
    expect(messagesAt(form, 'checkIns')).toContain('On-time check-in weeks cannot exceed the weeks due');
    expect(messagesAt(form, 'kpiValues')).toContain('On-time KPI values cannot exceed the values due');
    expect(messagesAt(form, 'month')).toContain('Give the month as its first day');
  });
});
