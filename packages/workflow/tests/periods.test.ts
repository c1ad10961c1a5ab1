import type { Streak } from '@formboard/storage';
import { describe, expect, it } from 'vitest';
import { judgeStreaks, periodAt, periodsToJudge, shiftPeriod } from '../src/index.ts';

describe('periods', () => {
  it('reads the current ISO week and month in the time zone', () => {
    // Sunday 8 March 2026 at 23:30 in Shanghai is still week 2 March; 00:30 Monday is the next week.
    expect(periodAt(new Date('2026-03-08T15:30:00Z'), 'week', 'Asia/Shanghai')).toBe('2026-03-02');
    expect(periodAt(new Date('2026-03-08T16:30:00Z'), 'week', 'Asia/Shanghai')).toBe('2026-03-09');
    expect(periodAt(new Date('2026-03-08T16:30:00Z'), 'week', 'UTC')).toBe('2026-03-02');
    expect(periodAt(new Date('2025-12-31T16:30:00Z'), 'month', 'Asia/Shanghai')).toBe('2026-01-01');
    expect(shiftPeriod('2026-01-01', 'month', -1)).toBe('2025-12-01');
    expect(shiftPeriod('2025-12-29', 'week', 1)).toBe('2026-01-05');
  });

  it('lists the closed periods not judged yet, oldest first, capped after an outage', () => {
    expect(periodsToJudge(undefined, '2026-03-09', 'week', 52)).toEqual(['2026-03-02']);
    expect(periodsToJudge('2026-03-02', '2026-03-09', 'week', 52)).toEqual([]);
    expect(periodsToJudge('2026-02-16', '2026-03-09', 'week', 52)).toEqual(['2026-02-23', '2026-03-02']);
    expect(periodsToJudge('2025-01-06', '2026-03-09', 'week', 2)).toEqual(['2026-02-23', '2026-03-02']);
  });
});

describe('judgeStreaks', () => {
  const open = (group: string, lastPeriod: string, badPeriods: number): [string, Streak] => [
    group,
    {
      workflowId: 'wf',
      groupKey: group,
      firstPeriod: '2026-02-23',
      lastPeriod,
      badPeriods,
      firedRunId: badPeriods >= 2 ? 'run' : null,
      endedPeriod: null,
      endedAt: null,
    },
  ];

  it('extends, starts and ends streaks; fires once when one reaches its length', () => {
    const streaks = new Map([
      open('extends', '2026-02-23', 1),
      open('good', '2026-02-23', 1),
      open('noData', '2026-02-23', 1),
      open('alreadyFired', '2026-02-23', 2),
      open('gap', '2026-02-16', 1),
    ]);
    const verdicts = new Map([
      ['extends', true],
      ['good', false],
      ['alreadyFired', true],
      ['gap', true],
      ['new', true],
    ]);
    const changes = judgeStreaks('wf', streaks, verdicts, '2026-03-02', '2026-02-23', 2);
    expect(changes.reached).toEqual(['extends']);
    expect([...changes.open.keys()].sort()).toEqual(['alreadyFired', 'extends', 'gap', 'new']);
    expect(changes.open.get('gap')).toMatchObject({ firstPeriod: '2026-03-02', badPeriods: 1 });
    expect(changes.open.get('alreadyFired')).toMatchObject({ badPeriods: 3, firedRunId: 'run' });
    const ended = changes.changed.filter((s) => s.endedPeriod === '2026-03-02').map((s) => s.groupKey);
    expect(ended.sort()).toEqual(['gap', 'good', 'noData']);
  });
});
