import { describe, expect, it } from 'vitest';
import { cellText, recordColumns } from '../src/records/recordColumns.ts';
import { starterForm } from './starterForm.ts';

const checkIn = starterForm('check-in');

const names = {
  users: new Map([['zhangsan', '操作工 张三']]),
  orgUnits: new Map([['ou-line1', '装配一线']]),
};

describe('records table columns', () => {
  it('lists the starter check-in form’s top-level fields with their titles', () => {
    const columns = recordColumns(checkIn, 'zh-CN');
    expect(columns.length).toBeGreaterThan(2);
    expect(columns.length).toBeLessThanOrEqual(8);
    expect(columns.map((c) => c.title)).toContain('达成信心');
    expect(recordColumns(checkIn, 'en').map((c) => c.title)).toContain('Confidence');
  });

  it('shows option titles, names for user ids and numbers by locale', () => {
    const columns = new Map(recordColumns(checkIn, 'zh-CN').map((c) => [c.path, c.field]));
    const owner = columns.get('owner');
    const confidence = columns.get('confidence');
    const value = columns.get('value');
    if (!owner || !confidence || !value) throw new Error('the check-in form changed');
    expect(cellText(owner, 'zhangsan', 'zh-CN', names)).toBe('操作工 张三');
    expect(cellText(owner, 'someone-gone', 'zh-CN', names)).toBe('someone-gone');
    expect(cellText(confidence, 'high', 'zh-CN', names)).toBe('高：按计划推进');
    expect(cellText(confidence, 'high', 'en', names)).toBe('High: on plan');
    expect(cellText(value, 12345.5, 'en', names)).toBe('12,345.5');
    expect(cellText(value, undefined, 'en', names)).toBe('');
  });
});
