import { describe, expect, it } from 'vitest';
import {
  describeCron,
  formatRunTime,
  nextRuns,
  presetCron,
  presetOf,
  SCHEDULE_PRESETS,
} from '../../src/workflow/index.ts';

describe('schedule presets', () => {
  it('round-trips every preset through cron', () => {
    for (const preset of SCHEDULE_PRESETS) expect(presetOf(presetCron(preset))).toEqual(preset);
  });

  it('names presets in zh-CN and en, and shows other cron text as it is', () => {
    expect(describeCron('0 9 * * 1')).toEqual({ 'zh-CN': '每周一 09:00', en: 'Mondays at 09:00' });
    expect(describeCron('30 8 1 * *')['zh-CN']).toBe('每月 1 日 08:30');
    expect(describeCron('0 9 * * 1-5').en).toBe('Weekdays (Monday to Friday) at 09:00');
    expect(presetOf('0 9 * * 1,3')).toBeUndefined();
    expect(presetOf('00 9 * * 1')).toBeUndefined();
    expect(describeCron('*/15 * * * *')).toEqual({ 'zh-CN': 'cron：*/15 * * * *', en: 'cron: */15 * * * *' });
  });

  it('gives the next three runs in the time zone (Asia/Shanghai by default)', () => {
    const from = new Date('2026-11-27T12:00:00Z'); // a Friday, 20:00 in Shanghai
    const result = nextRuns('0 9 * * 1', undefined, from);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.runs.map((d) => d.toISOString())).toEqual([
      '2026-11-30T01:00:00.000Z',
      '2026-12-07T01:00:00.000Z',
      '2026-12-14T01:00:00.000Z',
    ]);
    expect(formatRunTime(result.runs[0] as Date, 'Asia/Shanghai', 'zh-CN')).toBe('2026-11-30 周一 09:00');
    expect(formatRunTime(result.runs[0] as Date, 'Asia/Shanghai', 'en')).toBe('Mon 2026-11-30 09:00');
    const utc = nextRuns('0 9 1 * *', 'UTC', from);
    expect(utc.ok && utc.runs[0]?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('explains an invalid cron instead of guessing', () => {
    const result = nextRuns('0 25 * * *');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.en).toContain('hour');
  });
});
