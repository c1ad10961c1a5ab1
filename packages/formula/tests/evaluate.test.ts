import { describe, expect, it } from 'vitest';
import { compile, evaluate, FormulaDate, parse, toJSONValue } from '../src/index.ts';
import { errorCode, run } from './support/run.ts';

describe('evaluate: Excel semantics', () => {
  it('computes a KPI scorecard row', () => {
    const data = { weight: 0.3, actual: 130, target: 100 };
    expect(run('weight * MIN(actual / target, 1.2)', data)).toBeCloseTo(0.36);
    expect(run('ROUND(weight * MIN(actual / target, 1.2) * 100, 1)', data)).toBe(36);
  });

  it('follows Excel operator rules', () => {
    expect(run('-2^2')).toBe(4);
    expect(run('2^3^2')).toBe(64);
    expect(run('50% * 10')).toBe(5);
    expect(run('"3" + 2')).toBe(5);
    expect(run('TRUE + TRUE')).toBe(2);
    expect(run('"a" & 1 & TRUE')).toBe('a1TRUE');
    expect(run('1/3 & ""')).toBe('0.333333333333333');
    expect(run('0.1 + 0.2 = 0.3')).toBe(true);
  });

  it('treats blanks like Excel: 0 in arithmetic, "" in text, equal to 0 and ""', () => {
    expect(run('missing + 1')).toBe(1);
    expect(run('missing & "x"')).toBe('x');
    expect(run('missing = 0')).toBe(true);
    expect(run('missing = ""')).toBe(true);
    expect(run('missing = FALSE')).toBe(true);
    expect(run('ISBLANK(missing)')).toBe(true);
  });

  it('compares text case-insensitively and orders mixed types as Excel', () => {
    expect(run('"ABC" = "abc"')).toBe(true);
    expect(run('状态 = "已完成"', { 状态: '已完成' })).toBe(true);
    expect(run('1 < "a"')).toBe(true);
    expect(run('"a" < TRUE')).toBe(true);
    expect(run('1 = "1"')).toBe(false);
  });

  it('returns typed errors instead of throwing or leaking NaN', () => {
    expect(errorCode(run('1 / 0'))).toBe('#DIV/0!');
    expect(errorCode(run('0 ^ -1'))).toBe('#DIV/0!');
    expect(errorCode(run('"abc" * 2'))).toBe('#VALUE!');
    expect(errorCode(run('10 ^ 400'))).toBe('#NUM!');
    expect(errorCode(run('x * 2', { x: Number.NaN }))).toBe('#NUM!');
    expect(errorCode(run('NOSUCH(1)'))).toBe('#NAME?');
    expect(errorCode(run('ROUND()'))).toBe('#VALUE!');
  });

  it('propagates errors through operators and functions', () => {
    expect(errorCode(run('(1 / 0) + 1'))).toBe('#DIV/0!');
    expect(errorCode(run('SUM(1, 1 / 0)'))).toBe('#DIV/0!');
    expect(run('IFERROR(1 / 0, -1)')).toBe(-1);
  });

  it('gives localized messages with errors', () => {
    const value = run('1 / 0');
    expect(toJSONValue(value)).toEqual({
      error: '#DIV/0!',
      message: { 'zh-CN': '除数为零', en: 'division by zero' },
    });
  });

  it('evaluates only the chosen IF branch and short-circuits AND/OR', () => {
    expect(run('IF(TRUE, 1, 1 / 0)')).toBe(1);
    expect(run('FALSE AND 1 / 0')).toBe(false);
    expect(run('TRUE OR 1 / 0')).toBe(true);
    expect(run('ISBLANK(x) OR x > 3', {})).toBe(true);
  });

  it('reads repeating-table columns as arrays and broadcasts operators over them', () => {
    const data = {
      kr: [
        { name: '营收', progress: 0.4, weight: 0.5 },
        { name: '成本', progress: 0.9, weight: 0.3 },
        { name: '质量', progress: 1.1, weight: 0.2 },
      ],
    };
    expect(run('kr[].progress', data)).toEqual([0.4, 0.9, 1.1]);
    expect(run('SUM(kr[].progress * kr[].weight)', data)).toBeCloseTo(0.69);
    expect(run('kr[].progress >= 0.9', data)).toEqual([false, true, true]);
    expect(run('COUNTIF(kr[].progress, "<0.5")', data)).toBe(1);
    expect(errorCode(run('{1, 2} + {1, 2, 3}'))).toBe('#VALUE!');
  });

  it('reads nested paths and flattens nested tables', () => {
    const data = { owner: { name: '张三' }, goals: [{ krs: [{ p: 1 }, { p: 2 }] }, { krs: [{ p: 3 }] }] };
    expect(run('owner.name', data)).toBe('张三');
    expect(run('goals[].krs[].p', data)).toEqual([1, 2, 3]);
    expect(run('owner.missing.deeper', data)).toBe(null);
    expect(errorCode(run('owner', data))).toBe('#VALUE!');
  });

  it('reads context variables and the clock in the evaluation time zone', () => {
    expect(run('$user.name', {}, { variables: { user: { name: '李四' } } })).toBe('李四');
    expect(String(run('$today'))).toBe('2026-11-27');
    expect(String(run('$now'))).toBe('2026-11-27T10:30:00');
    expect(String(run('$today', {}, { timeZone: 'America/New_York' }))).toBe('2026-11-26');
    expect(String(run('$today', {}, { variables: { today: '2026-01-05' } }))).toBe('2026-01-05');
  });

  it('does date arithmetic on date values and ISO date text', () => {
    expect(run('"2026-02-01" - "2026-01-01"')).toBe(31);
    expect(String(run('$today + 7'))).toBe('2026-12-04');
    expect(run('$today - due', { due: '2026-11-20' })).toBe(7);
    expect(run('due < $today', { due: '2026-11-20' })).toBe(true);
    expect(run('$today > "2026-11-26T20:00:00Z"')).toBe(false);
    expect(run('YEAR("0099-12-31")')).toBe(99);
  });

  it('reads fields typed as dates when compiled with field types', () => {
    const compiled = compile(parse('due + 1'), { fields: { due: 'date' } });
    const value = evaluate(compiled, { data: { due: '2026-02-28' } });
    expect(value).toBeInstanceOf(FormulaDate);
    expect(String(value)).toBe('2026-03-01');
  });

  it('stops runaway work with a step budget error', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ v: i }));
    const value = run('SUM(rows[].v * rows[].v) + SUM(rows[].v)', { rows }, { stepBudget: 1000 });
    expect(errorCode(value)).toBe('#LIMIT!');
    expect(toJSONValue(value)).toMatchObject({
      message: { en: 'formula exceeded its step budget (1000 steps); simplify it' },
    });
    expect(run('SUM(rows[].v)', { rows })).toBe(12_497_500);
  });

  it('is reusable: one compiled formula, many records', () => {
    const compiled = compile(parse('a * 2'));
    expect([1, 2, 3].map((a) => evaluate(compiled, { data: { a } }))).toEqual([2, 4, 6]);
  });
});
