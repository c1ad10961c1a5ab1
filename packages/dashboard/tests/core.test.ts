import { afterEach, describe, expect, it, vi } from 'vitest';
import { bandFor, createRefresher, createValueFormatter } from '../src/index.ts';
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
});

describe('createRefresher', () => {
  afterEach(() => vi.useRealTimers());

  it('debounces changes and names only the widgets whose source changed', () => {
    vi.useFakeTimers();
    const onRefresh = vi.fn();
    const widgets = [
      ...fixture('dashboard-performance').widgets,
      ...fixture('dashboard-okr-overview').widgets,
    ];
    const refresher = createRefresher({ widgets, debounceMs: 300, onRefresh });
    refresher.notify({ formId: 'okr-objective' });
    vi.advanceTimersByTime(299);
    refresher.notify({ formId: 'okr-objective' });
    vi.advanceTimersByTime(299);
    expect(onRefresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    // The okr widgets with a query; the alignment tree and alert list have none, the text widget neither.
    expect([...(onRefresh.mock.calls[0]?.[0] ?? [])].sort()).toEqual(
      ['byStatus', 'byTeam', 'calendar', 'confidence', 'list', 'overall', 'pipeline', 'teams'].sort(),
    );
    refresher.notify({ formId: 'no-such-form' });
    refresher.notify({ formId: 'kpi-scorecard' });
    refresher.dispose();
    vi.advanceTimersByTime(1000);
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });
});
