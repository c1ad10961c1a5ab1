import { describe, expect, it } from 'vitest';
import { addDuration } from '../src/durations.ts';

describe('addDuration', () => {
  const from = new Date('2026-01-31T10:00:00Z');
  const later = (duration: string) => addDuration(from, duration).toISOString();

  it('adds hours, days and weeks as elapsed time, months and years on the calendar', () => {
    expect(later('PT48H')).toBe('2026-02-02T10:00:00.000Z');
    expect(later('P2D')).toBe('2026-02-02T10:00:00.000Z');
    expect(later('P1W')).toBe('2026-02-07T10:00:00.000Z');
    expect(later('PT1H30M15S')).toBe('2026-01-31T11:30:15.000Z');
    expect(later('P1Y2M')).toBe('2027-03-31T10:00:00.000Z');
    expect(later('P1DT12H')).toBe('2026-02-01T22:00:00.000Z');
  });

  it('refuses text that is not a duration', () => {
    expect(() => addDuration(from, '2 days')).toThrow(RangeError);
  });
});
