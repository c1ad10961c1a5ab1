import { describe, expect, it } from 'vitest';
import { fill, messagesAt } from './support/engine.ts';

const line = (values: Record<string, unknown>) => ({
  kpi: 'kpi-1',
  direction: 'higherIsBetter',
  cap: 120,
  ...values,
});
const scorecard = (kpis: Record<string, unknown>[], values: Record<string, unknown> = {}) =>
  fill('kpi-scorecard', { employee: 'u-1', period: '2026-07-01', status: 'submitted', kpis, ...values });

describe('KPI scorecard lines', () => {
  it('caps achievement: actual 150 against a target of 100 with a 120% cap counts 1.2', () => {
    const form = scorecard([line({ weight: 100, target: 100, actual: 150 })]);
    expect(form.getValue('kpis[0].achievement')).toBe(1.5);
    expect(form.getValue('kpis[0].cappedAchievement')).toBe(1.2);
    expect(form.getValue('kpis[0].weightedScore')).toBe(120);
  });

  it('reads a lower-is-better KPI as 2 − actual ÷ target: 12 days against a target of 15 is 120%', () => {
    const form = scorecard([line({ direction: 'lowerIsBetter', weight: 100, target: 15, actual: 12 })]);
    expect(form.getValue('kpis[0].achievement')).toBe(1.2);
    form.setValue('kpis[0].actual', 18);
    expect(form.getValue('kpis[0].achievement')).toBe(0.8);
    form.setValue('kpis[0].actual', 40);
    expect(form.getValue('kpis[0].achievement')).toBe(0); // never below 0
  });

  it('treats zero defects against a zero target as met, and any defect as missed', () => {
    const form = scorecard([line({ direction: 'lowerIsBetter', weight: 100, target: 0, actual: 0 })]);
    expect(form.getValue('kpis[0].achievement')).toBe(1);
    form.setValue('kpis[0].actual', 1);
    expect(form.getValue('kpis[0].achievement')).toBe(0);
  });

  it('weights the lines, sums the score and grades it', () => {
    // 40 × 1.05 + 30 × 1.2 (capped from 1.5) + 30 × 0.8 = 42 + 36 + 24 = 102 → A
    const form = scorecard([
      line({ weight: 40, target: 1000, actual: 1050 }),
      line({ weight: 30, target: 100, actual: 150 }),
      line({ direction: 'lowerIsBetter', weight: 30, target: 500, actual: 600 }),
    ]);
    expect(form.getValue('totalWeight')).toBe(100);
    expect(form.getValue('kpiScore')).toBe(102);
    expect(form.getValue('finalScore')).toBe(102);
    expect(form.getValue('grade')).toBe('A');
    expect(messagesAt(form, 'kpis')).toEqual([]);
  });

  it.each([
    [115, 'S'],
    [110, 'S'],
    [100, 'A'],
    [99.9, 'B'],
    [85, 'B'],
    [70, 'C'],
    [69.9, 'D'],
  ])('grades a final score of %s as %s', (score, grade) => {
    const form = scorecard([line({ weight: 100, target: 100, actual: 100 })], { managerScore: score });
    expect(form.getValue('grade')).toBe(grade);
  });

  it('refuses weights that do not add up to 100%', () => {
    const form = scorecard([
      line({ weight: 60, target: 100, actual: 90 }),
      line({ weight: 30, target: 10, actual: 9 }),
    ]);
    expect(form.getValue('totalWeight')).toBe(90);
    expect(messagesAt(form, 'kpis')).toEqual([
      '各指标权重合计须为 100%',
      'The KPI weights must add up to 100%',
    ]);
    form.setValue('kpis[1].weight', 40);
    expect(messagesAt(form, 'kpis')).toEqual([]);
  });

  it('a manager score far from the KPI score needs a comment', () => {
    const form = scorecard([line({ weight: 100, target: 100, actual: 95 })], { managerScore: 80 });
    expect(form.getValue('finalScore')).toBe(80);
    expect(form.getFieldState('managerComment').required).toBe(true);
    form.setValue('managerScore', 90);
    expect(form.getFieldState('managerComment').required).toBe(false);
  });
});

describe('weekly KPI measurement', () => {
  const week = (values: Record<string, unknown>) =>
    fill('kpi-measurement', { kpi: 'kpi-1', owner: 'u-1', week: '2026-09-14', ...values });

  it('measures the shortfall against the baseline in the KPI direction', () => {
    // Supply-chain response: baseline 72 h, target 48 h, this week 81 h: 12.5% worse than the baseline.
    const slow = week({ direction: 'lowerIsBetter', baseline: 72, target: 48, value: 81 });
    expect(slow.getValue('baselineShortfall')).toBe(0.125);
    // Trial-production pass rate: baseline 88%, target 95%, this week 92%: better than the baseline.
    const good = week({ direction: 'higherIsBetter', baseline: 88, target: 95, value: 92 });
    expect(good.getValue('baselineShortfall')).toBeCloseTo(-4 / 88, 4);
    expect(good.getValue('achievement')).toBeCloseTo(92 / 95, 4);
  });

  it('falls back to the plain difference when the baseline is 0', () => {
    const incidents = week({ direction: 'lowerIsBetter', baseline: 0, target: 0, value: 2 });
    expect(incidents.getValue('baselineShortfall')).toBe(2);
    expect(incidents.getValue('achievement')).toBe(0);
  });
});

describe('weekly check-in', () => {
  const checkIn = (values: Record<string, unknown>) =>
    fill('check-in', { keyResult: 'kr-1', owner: 'u-1', week: '2026-09-14', ...values });

  it('shows the change since the last check-in', () => {
    expect(checkIn({ previousValue: 134, value: 130, confidence: 'high' }).getValue('change')).toBe(-4);
    expect(checkIn({ value: 130, confidence: 'high' }).getValue('change')).toBeUndefined();
  });

  it('asks for the story when confidence is low', () => {
    const form = checkIn({ value: 130, confidence: 'low' });
    expect(messagesAt(form, 'narrative')).toContain('信心为“低”时，请说明情况，主管才能及时提供支持');
    form.setValue('narrative', '供应商模具延期两周，试产推迟');
    expect(messagesAt(form, 'narrative')).toEqual([]);
    expect(messagesAt(checkIn({ value: 130, confidence: 'high' }), 'narrative')).toEqual([]);
  });
});

describe('SBI feedback', () => {
  const feedback = (values: Record<string, unknown>) =>
    fill('feedback', { situation: 'S', behavior: 'B', impact: 'I', visibility: 'private', ...values });

  it('cannot be given to yourself', () => {
    const form = feedback({ giver: 'u-1', receiver: 'u-1', kind: 'recognition' });
    expect(messagesAt(form, 'receiver')).toContain('You cannot give feedback to yourself');
  });

  it('keeps developmental feedback out of public view', () => {
    const form = feedback({ giver: 'u-1', receiver: 'u-2', kind: 'developmental', visibility: 'public' });
    expect(messagesAt(form, 'visibility')).toContain('改进建议不能公开，请选择“仅双方”或“双方及接收人主管”');
    form.setValue('kind', 'recognition');
    expect(messagesAt(form, 'visibility')).toEqual([]);
  });
});
