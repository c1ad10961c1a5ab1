import { describe, expect, it } from 'vitest';
import { dryRun, streakDryRun, type Workflow } from '../../src/workflow/index.ts';
import { objectiveForm } from '../fixtures.ts';
import { approvalWorkflow, scheduleWorkflow } from './fixtures.ts';

const record = { title: '提升良率', status: 'pendingApproval', owner: 'zhang.san', progress: 42.456 };

describe('dryRun', () => {
  it('walks a record run: trigger condition, approval decided one way, message rendered', () => {
    const result = dryRun(approvalWorkflow(), {
      form: objectiveForm(),
      record,
      previous: { status: 'draft' },
    });
    expect(result.trigger).toMatchObject({ fires: true, condition: { ok: true, value: true } });
    expect(result.path).toEqual(['approve', 'activate', 'tellOwner', 'done']);
    const byId = new Map(result.steps.map((s) => [s.id, s]));
    expect(byId.get('approve')?.addresses?.['zh-CN']).toBe('“负责人”的直属主管（任一人处理，2 天内）');
    expect(byId.get('approve')?.addresses?.en).toBe(
      'the direct supervisor of “Owner” (anyone decides, within 2 days)',
    );
    expect(byId.get('activate')?.values).toEqual([
      { field: 'status', outcome: { ok: true, value: 'active', holds: false } },
    ]);
    expect(byId.get('tellOwner')).toMatchObject({
      fires: true,
      subject: { 'zh-CN': '目标已确认：提升良率', en: 'Objective approved: 提升良率' },
      message: { 'zh-CN': '“提升良率”进度 42.46%' },
    });
    expect(byId.get('backToDraft')).toMatchObject({
      fires: false,
      reason: { en: 'on a branch not taken (approve)' },
    });
  });

  it('follows the rejection path when asked, and starts nothing when the condition fails', () => {
    const rejected = dryRun(approvalWorkflow(), {
      record,
      previous: { status: 'draft' },
      approvals: 'reject',
    });
    expect(rejected.path).toEqual(['approve', 'backToDraft', 'done']);
    const unchanged = dryRun(approvalWorkflow(), { record, previous: { status: 'pendingApproval' } });
    expect(unchanged.trigger.fires).toBe(false);
    expect(unchanged.path).toEqual([]);
    expect(unchanged.steps.every((s) => !s.fires && s.reason.en === 'no run starts')).toBe(true);
    const deleted = dryRun(approvalWorkflow(), { record, event: 'deleted' });
    expect(deleted.trigger.fires).toBe(false);
  });

  it('shows each branch result of a condition (schedule: $run.startedAt)', () => {
    const evenWeek = dryRun(scheduleWorkflow(), { record: {}, now: new Date('2026-11-23T01:00:00Z') }); // ISO week 48
    expect(evenWeek.steps[0]).toMatchObject({
      id: 'evenWeek',
      branches: [{ outcome: { ok: true, value: true } }],
    });
    expect(evenWeek.path).toEqual(['evenWeek', 'remind', 'done']);
    const oddWeek = dryRun(scheduleWorkflow(), { record: {}, now: new Date('2026-11-30T01:00:00Z') }); // week 49
    expect(oddWeek.path).toEqual(['evenWeek', 'done']);
    expect(oddWeek.steps.find((s) => s.id === 'remind')?.fires).toBe(false);
  });
});

describe('metric streaks', () => {
  const streak: Workflow = {
    kind: 'workflow',
    id: 'kpi-below',
    schemaVersion: 1,
    title: 'KPI',
    trigger: {
      type: 'metricStreak',
      query: {
        form: 'kpi',
        measure: { op: 'avg', field: 'score' },
        groupBy: 'owner',
        period: 'week',
        dateField: 'week',
      },
      baseline: 80,
      direction: 'higherIsBetter',
      periods: 2,
    },
    start: 'tell',
    steps: [
      {
        id: 'tell',
        type: 'notify',
        channel: 'inbox',
        to: [{ type: 'supervisor', of: 'owner' }],
        message: '{{owner}} 连续 {{$streak.periods}} 周低于基线：{{$streak.values}}',
      },
    ],
  };
  const trigger = streak.trigger as Extract<Workflow['trigger'], { type: 'metricStreak' }>;

  it('fires once per streak, at the Nth bad period in a row (direction-aware)', () => {
    const judged = streakDryRun(trigger, [70, 75, 60, 90, 70, null, 70, 72]);
    expect(judged.firesAt).toEqual([1, 7]);
    expect(judged.periods.map((p) => p.streak)).toEqual([1, 2, 3, 0, 1, 0, 1, 2]);
    expect(judged.periods.map((p) => p.ends)).toEqual([false, false, false, true, false, true, false, false]);
    const lower = streakDryRun({ ...trigger, direction: 'lowerIsBetter' }, [90, 85, 70]);
    expect(lower.firesAt).toEqual([1]);
    const byField = streakDryRun({ ...trigger, baseline: { field: 'target' } }, [70, 70], [60, 80]);
    expect(byField.firesAt).toEqual([]);
  });

  it('dry-runs the steps with the $streak of the period it fires at', () => {
    const result = dryRun(streak, { record: { owner: 'li.si' }, periods: [70, 75] });
    expect(result.trigger.fires).toBe(true);
    expect(result.steps[0]?.message?.['zh-CN']).toBe('li.si 连续 2 周低于基线：70、75');
    expect(dryRun(streak, { record: { owner: 'li.si' }, periods: [70, 90] }).trigger.fires).toBe(false);
  });
});
