import { describe, expect, it } from 'vitest';
import { createFormEngine } from '../src/index.ts';

// A check-in whose person starts as the one filling it in, and whose week starts as this Monday.
const checkIn = {
  kind: 'form',
  id: 'check-in',
  schemaVersion: 1,
  title: 'Check-in',
  data: {
    type: 'object',
    properties: {
      owner: { type: 'string', format: 'user' },
      week: { type: 'string', format: 'date' },
      note: { type: 'string' },
    },
  },
  layout: {
    root: ['fOwner', 'fWeek', 'fNote'],
    nodes: {
      fOwner: { type: 'field', path: 'owner' },
      fWeek: { type: 'field', path: 'week' },
      fNote: { type: 'field', path: 'note' },
    },
  },
  rules: [
    { target: 'owner', initial: '$user.id' },
    { target: 'week', initial: '$today - WEEKDAY($today, 3)' },
  ],
};
const context = { user: { id: 'zhangsan' }, now: Date.parse('2026-11-27T02:00:00Z') };

describe('initial values', () => {
  it('start a new record with the person filling in and the formula’s date', () => {
    const form = createFormEngine(checkIn, { context });
    expect(form.getValue('owner')).toBe('zhangsan');
    expect(form.getValue('week')).toBe('2026-11-23');
    // Changed like any value, and a reset goes back to them.
    form.setValue('owner', 'lisi');
    form.reset();
    expect(form.getValue('owner')).toBe('zhangsan');
  });

  it('leave the values a record (or a draft) already has', () => {
    const form = createFormEngine(checkIn, { context, value: { owner: 'lisi', week: '2026-11-16' } });
    expect(form.getValue('owner')).toBe('lisi');
    expect(form.getValue('week')).toBe('2026-11-16');
  });
});
