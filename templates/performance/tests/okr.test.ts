import { describe, expect, it } from 'vitest';
import { fill, messagesAt } from './support/engine.ts';

const kr = (values: Record<string, unknown>) =>
  fill('key-result', { objective: 'obj-1', title: 'KR', owner: 'u-1', weight: 40, ...values });

describe('key result progress: clamp((current − baseline) / (target − baseline), 0, 1)', () => {
  it('a decrease-to KR: time to market 147 → 112 days, now 130 days, is 17/35 ≈ 0.486 done', () => {
    const form = kr({ direction: 'decreaseTo', baseline: 147, target: 112, current: 130 });
    expect(form.getValue('progress')).toBeCloseTo(17 / 35, 6);
    expect(form.getValue('score')).toBe(0.49); // without a stretch the score is the progress, to 2 places
  });

  it('an increase-to KR: first-pass rate 82% → 95%, now 90.5%', () => {
    const form = kr({ direction: 'increaseTo', baseline: 82, target: 95, current: 90.5 });
    expect(form.getValue('progress')).toBeCloseTo(8.5 / 13, 6);
  });

  it('is clamped to 0 when worse than the baseline and to 1 beyond the target', () => {
    expect(
      kr({ direction: 'decreaseTo', baseline: 147, target: 112, current: 150 }).getValue('progress'),
    ).toBe(0);
    expect(
      kr({ direction: 'decreaseTo', baseline: 147, target: 112, current: 105 }).getValue('progress'),
    ).toBe(1);
    expect(kr({ direction: 'increaseTo', baseline: 82, target: 95, current: 97 }).getValue('progress')).toBe(
      1,
    );
  });

  it('is 0 before the first value is entered (a blank is not read as 0 days)', () => {
    expect(kr({ direction: 'decreaseTo', baseline: 147, target: 112 }).getValue('progress')).toBe(0);
  });

  it('stay above / stay below count 1 while the line holds, else 0', () => {
    expect(kr({ direction: 'stayAbove', target: 85, current: 86.2 }).getValue('progress')).toBe(1);
    expect(kr({ direction: 'stayAbove', target: 85, current: 84.9 }).getValue('progress')).toBe(0);
    expect(kr({ direction: 'stayBelow', target: 500, current: 430 }).getValue('progress')).toBe(1);
    expect(kr({ direction: 'stayBelow', target: 500, current: 520 }).getValue('progress')).toBe(0);
  });

  it('follows a new current value (a check-in) without re-opening the form', () => {
    const form = kr({ direction: 'decreaseTo', baseline: 147, target: 112, current: 130 });
    form.setValue('current', 119);
    expect(form.getValue('progress')).toBeCloseTo(28 / 35, 6);
  });
});

describe('key result score with a stretch value', () => {
  const stretched = (current: number) =>
    kr({ direction: 'decreaseTo', baseline: 147, target: 112, stretch: 100, current });

  it('scores 0.7 × progress below the target', () => {
    expect(stretched(130).getValue('score')).toBe(0.34); // 0.7 × 0.486 = 0.34
  });

  it('scores 0.7 at the target and 1.0 at the stretch, linear between', () => {
    expect(stretched(112).getValue('score')).toBe(0.7);
    expect(stretched(106).getValue('score')).toBe(0.85); // half-way from 112 to 100
    expect(stretched(95).getValue('score')).toBe(1);
  });
});

describe('key result checks', () => {
  it('a decrease-to target above the baseline is refused', () => {
    const form = kr({ direction: 'decreaseTo', baseline: 147, target: 160, current: 150 });
    expect(messagesAt(form, 'target')).toContain(
      'For “increase to” the target must be above the baseline; for “decrease to”, below it',
    );
  });

  it('a stretch short of the target is refused', () => {
    const form = kr({ direction: 'increaseTo', baseline: 82, target: 95, stretch: 90, current: 88 });
    expect(messagesAt(form, 'stretch')).toContain('挑战值须比目标值更进一步（与衡量方式同向）');
  });

  it('the baseline is asked for only when the KR moves a number', () => {
    expect(kr({ direction: 'increaseTo', target: 95 }).getFieldState('baseline').required).toBe(true);
    const stay = kr({ direction: 'stayAbove', target: 85 });
    expect(stay.getFieldState('baseline').visible).toBe(false);
    expect(stay.validate().filter((issue) => issue.path === 'baseline')).toEqual([]);
  });

  it('is stale after 14 days without a check-in', () => {
    expect(kr({ direction: 'stayAbove', target: 85, lastCheckIn: '2026-09-11' }).getValue('stale')).toBe(
      false,
    );
    expect(kr({ direction: 'stayAbove', target: 85, lastCheckIn: '2026-09-01' }).getValue('stale')).toBe(
      true,
    );
  });
});

describe('objective', () => {
  const objective = (values: Record<string, unknown>) =>
    fill('objective', { title: 'O', cycle: '2026-Q3', owner: 'u-1', status: 'active', ...values });

  it('needs a parent objective except at company level', () => {
    const team = objective({ level: 'team', startDate: '2026-07-01', dueDate: '2026-09-30' });
    expect(messagesAt(team, 'parent')).toContain('请选择要对齐的上级目标（仅公司级目标可以不填）');
    team.setValue('parent', 'obj-company-1');
    expect(messagesAt(team, 'parent')).toEqual([]);
    const company = objective({ level: 'company', startDate: '2026-07-01', dueDate: '2026-09-30' });
    expect(messagesAt(company, 'parent')).toEqual([]);
  });

  it('expects the share of the cycle that has passed, and judges health against it', () => {
    // 2026-07-01 → 2026-09-30 is 91 days; on 2026-09-18, 79 of them have passed: 0.87 expected.
    const at = (progress: number) =>
      objective({ level: 'company', startDate: '2026-07-01', dueDate: '2026-09-30', progress });
    expect(at(0.8).getValue('expectedProgress')).toBe(0.87);
    expect(at(0.8).getValue('health')).toBe('onTrack');
    expect(at(0.7).getValue('health')).toBe('atRisk');
    expect(at(0.5).getValue('health')).toBe('offTrack');
  });

  it('refuses a cycle that ends before it starts', () => {
    const form = objective({ level: 'company', startDate: '2026-09-30', dueDate: '2026-07-01' });
    expect(messagesAt(form, 'dueDate')).toContain('The due date must be after the start date');
  });
});
