import { describe, expect, it } from 'vitest';
import { fill, messagesAt } from './support/engine.ts';

describe('biweekly review', () => {
  const review = (values: Record<string, unknown>) =>
    fill('biweekly-review', { team: 'ou-line-1', owner: 'u-lead', periodStart: '2026-09-07', ...values });
  const red = { keyResult: 'kr-1', gap: '试产一次通过率 84%，目标 95%', owner: 'u-1' };
  const action = { action: '启动第二供应商认证', owner: 'u-1', due: '2026-09-30' };

  it('covers two weeks: Monday 2026-09-07 to Sunday 2026-09-20', () => {
    expect(review({}).getValue('periodEnd')).toBe('2026-09-20');
  });

  it('starts on a Monday', () => {
    expect(messagesAt(review({ periodStart: '2026-09-09' }), 'periodStart')).toContain(
      'A review period starts on a Monday',
    );
  });

  it('counts red items, and each points to a key result or a KPI', () => {
    const form = review({
      redItems: [
        red,
        { kpi: 'kpi-qua-01', gap: '来料不良率 1,350 PPM', owner: 'u-2' },
        { gap: '?', owner: 'u-3' },
      ],
      rootCause: '关键物料只有一家供应商',
      decisions: '启动第二供应商认证',
      actionItems: [action],
    });
    expect(form.getValue('redCount')).toBe(3);
    expect(messagesAt(form, 'redItems[0].kpi')).toEqual([]);
    expect(messagesAt(form, 'redItems[1].keyResult')).toEqual([]);
    expect(messagesAt(form, 'redItems[2].keyResult')).toContain(
      'Each red item points to a key result or a KPI',
    );
  });

  it('asks for a root cause, decisions and at least one action when anything is red', () => {
    const form = review({ redItems: [red] });
    expect(form.getFieldState('rootCause').required).toBe(true);
    expect(messagesAt(form, 'actionItems')).toContain('With red items, set at least one action');
    const green = review({});
    expect(green.getValue('redCount')).toBe(0);
    expect(green.validate()).toEqual([]);
  });

  it('counts the actions still open', () => {
    const form = review({ actionItems: [action, { ...action, done: true }, { ...action, done: false }] });
    expect(form.getValue('openActions')).toBe(2);
  });
});

describe('delivery tracking', () => {
  const week = (values: Record<string, unknown>) =>
    fill('delivery', {
      productLine: 'vmc',
      team: 'ou-cnc',
      owner: 'u-1',
      week: '2026-09-14',
      trialBatches: 8,
      trialPassed: 7,
      ordersDue: 20,
      ordersOnTime: 18,
      ...values,
    });

  it('computes the trial first-pass rate and on-time delivery: 7 of 8 and 18 of 20', () => {
    const form = week({});
    expect(form.getValue('trialPassRate')).toBe(0.875);
    expect(form.getValue('onTimeRate')).toBe(0.9);
  });

  it('leaves the rates blank in a week without trials or orders due', () => {
    const form = week({ trialBatches: 0, trialPassed: 0, ordersDue: 0, ordersOnTime: 0 });
    expect(form.getValue('trialPassRate')).toBeUndefined();
    expect(form.getValue('onTimeRate')).toBeUndefined();
    expect(form.validate()).toEqual([]);
  });

  it('refuses more passes than batches and more on-time orders than were due', () => {
    const form = week({ trialPassed: 9, ordersOnTime: 21 });
    expect(messagesAt(form, 'trialPassed')).toContain('Batches passed cannot exceed the trial batches');
    expect(messagesAt(form, 'ordersOnTime')).toContain('Orders on time cannot exceed the orders due');
  });

  it('asks for the time to market only in a week with a launch', () => {
    expect(week({}).getFieldState('timeToMarketDays')).toMatchObject({ visible: false, required: false });
    const launch = week({ launches: 1 });
    expect(messagesAt(launch, 'timeToMarketDays').length).toBeGreaterThan(0);
    launch.setValue('timeToMarketDays', 118);
    expect(messagesAt(launch, 'timeToMarketDays')).toEqual([]);
  });
});
