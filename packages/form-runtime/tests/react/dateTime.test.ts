import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso } from '../../src/react/dateTime.ts';
import { parseNumber } from '../../src/react/widgets/NumberInput.tsx';

describe('date-time conversion', () => {
  it('shows an instant as wall-clock time in the form’s time zone', () => {
    expect(isoToLocalInput('2026-11-27T02:30:00Z', 'Asia/Shanghai')).toBe('2026-11-27T10:30');
    expect(isoToLocalInput('2026-11-27T10:30:00+08:00', 'UTC')).toBe('2026-11-27T02:30');
    expect(isoToLocalInput('not a date', 'UTC')).toBe('');
  });

  it('stores wall-clock time with the zone’s offset, daylight saving included', () => {
    expect(localInputToIso('2026-11-27T10:30', 'Asia/Shanghai')).toBe('2026-11-27T10:30:00+08:00');
    expect(localInputToIso('2026-01-15T09:00', 'America/New_York')).toBe('2026-01-15T09:00:00-05:00');
    expect(localInputToIso('2026-07-15T09:00', 'America/New_York')).toBe('2026-07-15T09:00:00-04:00');
    expect(localInputToIso('2026-07-15T09:00', 'Asia/Kolkata')).toBe('2026-07-15T09:00:00+05:30');
    expect(localInputToIso('', 'UTC')).toBeUndefined();
  });

  it('round-trips', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/Los_Angeles']) {
      const iso = localInputToIso('2026-03-29T12:45', zone) ?? '';
      expect(isoToLocalInput(iso, zone)).toBe('2026-03-29T12:45');
    }
  });
});

describe('number input parsing', () => {
  it('reads numbers as people type them, full-width and grouped', () => {
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('１２３．５')).toBe(123.5);
    expect(parseNumber('－３')).toBe(-3);
    expect(parseNumber('1.')).toBe(1);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('abc')).toBeUndefined();
    expect(parseNumber('1.2.3')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
});
