import { describe, expect, it } from 'vitest';
import { fill, messagesAt } from './support/engine.ts';

const point = (values: Record<string, unknown>) =>
  fill('breakthrough', {
    year: 2026,
    rank: 1,
    title: '新品上市周期缩短 24%',
    stage: 'rnd',
    owner: 'u-ceo',
    measure: '新品上市周期',
    status: 'active',
    linkedKpis: [{ kpi: 'kpi-rnd-01' }],
    ...values,
  });

describe('strategic breakthrough point', () => {
  it('computes the targeted improvement: time to market 147 → 112 days is 35 ÷ 147 ≈ 23.8%', () => {
    expect(point({ baseline: 147, target: 112 }).getValue('improvement')).toBe(0.2381);
  });

  it('computes it the same way for a rise: on-time delivery 85% → 95% is 10 ÷ 85 ≈ 11.8%', () => {
    expect(point({ baseline: 85, target: 95 }).getValue('improvement')).toBe(0.1176);
  });

  it('refuses a target equal to the baseline', () => {
    expect(messagesAt(point({ baseline: 72, target: 72 }), 'target')).toContain(
      'The target must differ from the baseline: a breakthrough is a measurable change',
    );
  });

  it('takes ranks 1 to 5 only: at most five points a year', () => {
    expect(messagesAt(point({ baseline: 147, target: 112, rank: 6 }), 'rank')).toContain(
      'The rank is 1 to 5: at most five breakthrough points a year',
    );
    expect(messagesAt(point({ baseline: 147, target: 112, rank: 5 }), 'rank')).toEqual([]);
  });

  it('asks for a year-end review once a point is achieved or dropped', () => {
    const form = point({ baseline: 147, target: 112, status: 'achieved' });
    expect(form.getFieldState('review').required).toBe(true);
    expect(point({ baseline: 147, target: 112 }).getFieldState('review').required).toBe(false);
  });

  it('needs at least one supporting KPI when the table is given', () => {
    expect(messagesAt(point({ baseline: 147, target: 112, linkedKpis: [] }), 'linkedKpis')).toContain(
      '至少关联一个支撑的 KPI，突破点才能落到日常指标上',
    );
  });
});

describe('objective → breakthrough point', () => {
  const objective = (values: Record<string, unknown>) =>
    fill('objective', {
      title: 'O',
      cycle: '2026-Q4',
      owner: 'u-ceo',
      status: 'active',
      startDate: '2026-10-01',
      dueDate: '2026-12-31',
      ...values,
    });

  it('is required of company objectives', () => {
    const company = objective({ level: 'company' });
    expect(messagesAt(company, 'breakthrough')).toContain(
      'A company objective must serve a breakthrough point',
    );
    company.setValue('breakthrough', 'bt-2026-1');
    expect(messagesAt(company, 'breakthrough')).toEqual([]);
  });

  it('is optional below company level', () => {
    expect(messagesAt(objective({ level: 'team', parent: 'obj-1' }), 'breakthrough')).toEqual([]);
  });
});
