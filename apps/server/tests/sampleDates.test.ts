import { indexFields } from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { sampleShiftDays, shiftRowDates } from '../src/packs/sampleDates.ts';

const fields = [
  ...indexFields({
    type: 'object',
    properties: {
      week: { type: 'string', format: 'date' },
      heldAt: { type: 'string', format: 'date-time' },
      note: { type: 'string' },
      actions: {
        type: 'array',
        items: { type: 'object', properties: { due: { type: 'string', format: 'date' } } },
      },
    },
  }).fields.values(),
];

describe('sample data in the present', () => {
  it('moves by whole weeks, so the described day falls in this week and Mondays stay Mondays', () => {
    expect(sampleShiftDays('2026-11-27', new Date('2026-11-27T10:00:00Z'))).toBe(0);
    expect(sampleShiftDays('2026-11-27', new Date('2026-12-03T23:00:00Z'))).toBe(0);
    expect(sampleShiftDays('2026-11-27', new Date('2027-03-10T02:00:00Z'))).toBe(98);
    expect(sampleShiftDays(undefined, new Date('2027-03-10T02:00:00Z'))).toBe(0);
  });

  it('shifts dates, date-times and table dates, and nothing else', () => {
    const row = {
      week: '2026-11-23',
      heldAt: '2026-11-24T06:30:00.000Z',
      note: '2026-11-23 的复盘',
      actions: [{ due: '2026-12-01' }, {}],
    };
    shiftRowDates(row, fields, 98);
    expect(row).toEqual({
      week: '2027-03-01',
      heldAt: '2027-03-02T06:30:00.000Z',
      note: '2026-11-23 的复盘',
      actions: [{ due: '2027-03-09' }, {}],
    });
    expect(new Date(`${row.week}T00:00:00Z`).getUTCDay()).toBe(1);
  });
});
