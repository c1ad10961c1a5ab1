import { afterEach, describe, expect, it, vi } from 'vitest';
import { bandFor, createRefresher, createValueFormatter, kpiModel } from '../src/index.ts';
import { fixture } from './support.ts';

describe('bandFor', () => {
  const thresholds = {
    higherIsBetter: true,
    bands: [
      { from: 0, color: 'red' as const },
      { from: 60, color: 'orange' as const },
      { from: 85, color: 'green' as const },
    ],
  };
  it('takes the last band a value reaches, none below the first', () => {
    expect(bandFor(thresholds, -1, null)).toBeUndefined();
    expect(bandFor(thresholds, 0, null)?.color).toBe('red');
    expect(bandFor(thresholds, 84.99, null)?.color).toBe('orange');
    expect(bandFor(thresholds, 85, null)?.color).toBe('green');
    expect(bandFor(thresholds, null, null)).toBeUndefined();
  });
  it('compares value ÷ target with basis targetRatio, and needs a target', () => {
    const ratio = {
      ...thresholds,
      basis: 'targetRatio' as const,
      bands: [{ from: 1, color: 'green' as const }],
    };
    expect(bandFor(ratio, 90, 90)?.color).toBe('green');
    expect(bandFor(ratio, 89, 90)).toBeUndefined();
    expect(bandFor(ratio, 89, 0)).toBeUndefined();
  });
});

describe('createValueFormatter', () => {
  it('formats numbers, percents, money, durations and buckets per locale', () => {
    const zh = createValueFormatter('zh-CN');
    const en = createValueFormatter('en');
    expect(zh.value(1234.567)).toBe('1,234.57');
    expect(en.value(0.857, { format: 'percent' })).toBe('85.7%');
    expect(zh.value(1234.5, { format: 'currency' })).toBe('¥1,234.50');
    expect(zh.value(3, { format: 'duration' })).toBe('3小时');
    expect(en.value(3, { format: 'duration' })).toBe('3 hr');
    expect(en.value(null)).toBe('—');
    expect(en.change(-0.0525)).toBe('-5.3%');
    expect(zh.bucket('2025-10-01', 'quarter')).toBe('2025年第4季度');
    expect(en.bucket('2025-10-01', 'quarter')).toBe('Q4 2025');
    expect(en.bucket('2024-12-30', 'week')).toBe('Dec 30');
    expect(zh.bucket('2025-01-01', 'year')).toBe('2025年');
  });

  it('formats moments in the chosen time zone and spans in their largest unit', () => {
    const zh = createValueFormatter('zh-CN', 'CNY', 'Asia/Shanghai');
    const en = createValueFormatter('en', 'CNY', 'Asia/Shanghai');
    // 23:30 UTC on New Year's Eve is already 1 January in Shanghai.
    expect(zh.dateTime('2024-12-31T23:30:00Z')).toBe('2025年1月1日 07:30');
    expect(en.dateTime('2024-12-31T23:30:00Z')).toBe('Jan 1, 2025, 7:30 AM');
    expect(zh.dateTime('not a date')).toBe('not a date');
    const minutes = 60_000;
    expect([45 * minutes, 47 * 60 * minutes, 3 * 24 * 60 * minutes].map(zh.elapsed)).toEqual([
      '45分钟',
      '47小时',
      '3天',
    ]);
    expect([45 * minutes, 5 * 60 * minutes, 3 * 24 * 60 * minutes].map(en.elapsed)).toEqual([
      '45 min',
      '5 hr',
      '3 days',
    ]);
  });
});

describe('createRefresher', () => {
  afterEach(() => vi.useRealTimers());

  it('reloads at once after quiet, then collects a burst into one reload when it stops', () => {
    vi.useFakeTimers();
    const onRefresh = vi.fn();
    const widgets = [
      ...fixture('dashboard-performance').widgets,
      ...fixture('dashboard-okr-overview').widgets,
    ];
    const refresher = createRefresher({ widgets, debounceMs: 300, onRefresh });
    refresher.notify({ formId: 'okr-objective' });
    expect(onRefresh).toHaveBeenCalledTimes(1);
    // The okr widgets reading okr-objective (the alignment tree too) and the alert list, which
    // workflows fill after any record change; not the performance board's widgets, nor text.
    expect([...(onRefresh.mock.calls[0]?.[0] ?? [])].sort()).toEqual(
      [
        'alerts',
        'byStatus',
        'byTeam',
        'calendar',
        'confidence',
        'list',
        'overall',
        'pipeline',
        'teams',
        'tree',
      ].sort(),
    );
    vi.advanceTimersByTime(299);
    refresher.notify({ formId: 'kpi-scorecard' });
    vi.advanceTimersByTime(299);
    refresher.notify({ formId: 'kpi-scorecard' });
    vi.advanceTimersByTime(299);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(onRefresh).toHaveBeenCalledTimes(2);
    expect([...(onRefresh.mock.calls[1]?.[0] ?? [])].sort()).toEqual(
      ['achievement', 'alerts', 'avgScore', 'gaps', 'ranking', 'talent', 'trend'].sort(),
    );
    // Quiet again: the next change reloads at once; a pending one dies with dispose.
    vi.advanceTimersByTime(300);
    refresher.notify({ formId: 'kpi-scorecard' });
    expect(onRefresh).toHaveBeenCalledTimes(3);
    refresher.notify({ formId: 'kpi-scorecard' });
    refresher.dispose();
    vi.advanceTimersByTime(1000);
    expect(onRefresh).toHaveBeenCalledTimes(3);
  });
});

describe('KPI achievement', () => {
  const card = (higherIsBetter: boolean): Parameters<typeof kpiModel>[0] => ({
    id: 'k',
    type: 'kpi',
    layout: { x: 0, y: 0, w: 4, h: 4 },
    query: { source: 'f', measures: [{ id: 'hours', op: 'avg', field: 'hours' }] },
    target: { value: 24 },
    thresholds: { higherIsBetter, bands: [{ from: 0, color: 'green' }] },
  });

  it('is value / target when higher is better, and 2 − value / target when lower is better', () => {
    expect(kpiModel(card(true), [{ hours: 12 }]).achievement).toBe(0.5);
    expect(kpiModel(card(false), [{ hours: 12 }]).achievement).toBe(1.5);
    expect(kpiModel(card(false), [{ hours: 24 }]).achievement).toBe(1);
    expect(kpiModel(card(false), [{ hours: 60 }]).achievement).toBe(0);
  });
});
