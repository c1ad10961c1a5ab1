import { describe, expect, it } from 'vitest';
import { errorCode, run } from '../support/run.ts';

// Expected values are Excel's documented results unless a comment says otherwise.

describe('rounding', () => {
  it.each([
    ['ROUND(2.15, 1)', 2.2],
    ['ROUND(2.149, 1)', 2.1],
    ['ROUND(-1.475, 2)', -1.48],
    ['ROUND(21.5, -1)', 20],
    ['ROUND(626.3, -3)', 1000],
    ['ROUND(1.98, -1)', 0],
    ['ROUND(-50.55, -2)', -100],
    ['ROUND(1.005, 2)', 1.01],
    ['ROUNDUP(76.9, 0)', 77],
    ['ROUNDUP(31415.92654, -2)', 31500],
    ['ROUNDDOWN(31415.92654, -2)', 31400],
    ['ROUNDDOWN(-3.14159, 1)', -3.1],
    ['TRUNC(8.9)', 8],
    ['INT(-0.5)', -1],
    ['CEILING(4.42, 0.05)', 4.45],
    ['CEILING(-2.5, -2)', -4],
    ['FLOOR(-2.5, 2)', -4],
    ['FLOOR(1.58, 0.1)', 1.5],
    ['FLOOR(0.234, 0.01)', 0.23],
  ])('%s = %d', (formula, expected) => {
    expect(run(formula)).toBeCloseTo(expected, 10);
  });

  it('refuses impossible significance and digit counts', () => {
    expect(errorCode(run('CEILING(2.5, -2)'))).toBe('#NUM!');
    expect(errorCode(run('FLOOR(1, 0)'))).toBe('#DIV/0!');
    expect(errorCode(run('ROUND(1, 400)'))).toBe('#NUM!');
  });
});

describe('arithmetic functions', () => {
  it('MOD takes the sign of the divisor', () => {
    expect(run('MOD(3, -2)')).toBe(-1);
    expect(run('MOD(-3, -2)')).toBe(-1);
  });

  it('reports domain errors as #NUM!', () => {
    expect(errorCode(run('LN(0)'))).toBe('#NUM!');
    expect(errorCode(run('LOG(10, 1)'))).toBe('#NUM!');
    expect(errorCode(run('POWER(-8, 1 / 3)'))).toBe('#NUM!');
    expect(errorCode(run('EXP(1000)'))).toBe('#NUM!');
  });

  it('CLAMP caps a ratio and rejects an inverted range', () => {
    expect(run('CLAMP(0.5, 0, 1.2)')).toBe(0.5);
    expect(errorCode(run('CLAMP(1, 2, 1)'))).toBe('#NUM!');
  });
});

describe('aggregates', () => {
  const data = { kr: [{ v: 10 }, { v: '7' }, { v: null }, { v: true }, { v: 9 }] };

  it('count only numbers inside arrays, but coerce direct arguments', () => {
    expect(run('SUM(kr[].v)', data)).toBe(19);
    expect(run('SUM("7", TRUE, 2)')).toBe(10);
    expect(run('AVERAGE(kr[].v)', data)).toBe(9.5);
    expect(run('COUNT(kr[].v)', data)).toBe(2);
    expect(run('COUNTA(kr[].v)', data)).toBe(4);
    expect(run('COUNTBLANK(kr[].v)', data)).toBe(1);
    expect(run('MAX(kr[].v)', data)).toBe(10);
    expect(run('MIN(kr[].v)', data)).toBe(9);
  });

  it('give Excel results on empty input', () => {
    expect(run('SUM(none)', { none: [] })).toBe(0);
    expect(run('MAX(none)', { none: [] })).toBe(0);
    expect(errorCode(run('AVERAGE(none)', { none: [] }))).toBe('#DIV/0!');
    expect(errorCode(run('STDEV(1)'))).toBe('#DIV/0!');
    expect(errorCode(run('MEDIAN(none)', { none: [] }))).toBe('#NUM!');
  });

  it('propagate errors from arrays and arguments', () => {
    expect(errorCode(run('SUM({1, 2} / {1, 0})'))).toBe('#DIV/0!');
    expect(errorCode(run('MAX("abc")'))).toBe('#VALUE!');
  });

  it('SUMPRODUCT weighs a scorecard and treats text as 0', () => {
    const kr = [
      { weight: 0.5, score: 80 },
      { weight: 0.3, score: 'n/a' },
      { weight: 0.2, score: 100 },
    ];
    expect(run('SUMPRODUCT(kr[].weight, kr[].score)', { kr })).toBe(60);
    expect(run('SUMPRODUCT(kr[].weight * (kr[].score = 100))', { kr })).toBe(0.2);
  });

  it('RANK ranks leaderboards with ties', () => {
    expect(run('RANK(3.5, {7, 3.5, 3.5, 1, 2})')).toBe(2);
    expect(run('RANK(1, {7, 3.5, 3.5, 1, 2}, 1)')).toBe(1);
  });
});

describe('conditional aggregates', () => {
  const sales = {
    rows: [
      { region: '华东', rep: '张三', amount: 100, date: '2026-01-15' },
      { region: '华南', rep: '李四', amount: 250, date: '2026-02-03' },
      { region: '华东', rep: '王五', amount: 300, date: '2026-02-20' },
      { region: '华北', rep: '张伟', amount: null, date: '2026-03-01' },
    ],
  };

  it('match comparisons, text, wildcards and blanks', () => {
    expect(run('COUNTIF(rows[].amount, ">150")', sales)).toBe(2);
    expect(run('COUNTIF(rows[].amount, "<>100")', sales)).toBe(3);
    expect(run('COUNTIF(rows[].region, "华东")', sales)).toBe(2);
    expect(run('COUNTIF(rows[].rep, "张*")', sales)).toBe(2);
    expect(run('COUNTIF(rows[].rep, "??")', sales)).toBe(4);
    expect(run('COUNTIF(rows[].amount, "")', sales)).toBe(1);
    expect(run('COUNTIF(rows[].amount, "<>")', sales)).toBe(3);
    expect(run('COUNTIF({"a*b", "axb"}, "a~*b")')).toBe(1);
    expect(run('COUNTIF({"Apple", "APPLE", "pear"}, "apple")')).toBe(2);
  });

  it('compare date fields (ISO text) with dates in criteria', () => {
    expect(run('COUNTIF(rows[].date, ">=2026-02-01")', sales)).toBe(3);
    expect(run('SUMIFS(rows[].amount, rows[].date, ">=2026-02-01", rows[].date, "<2026-03-01")', sales)).toBe(
      550,
    );
    expect(run('COUNTIF(rows[].date, "2026-02-03")', sales)).toBe(1);
    expect(run('COUNTIF(rows[].date, "<" & TEXT(DATE(2026, 2, 1), "yyyy-mm-dd"))', sales)).toBe(1);
  });

  it('sum and average over matching rows', () => {
    expect(run('SUMIF(rows[].region, "华东", rows[].amount)', sales)).toBe(400);
    expect(run('AVERAGEIF(rows[].region, "华东", rows[].amount)', sales)).toBe(200);
    expect(run('SUMIFS(rows[].amount, rows[].region, "华东", rows[].amount, ">150")', sales)).toBe(300);
    expect(errorCode(run('AVERAGEIF(rows[].region, "西北", rows[].amount)', sales))).toBe('#DIV/0!');
  });

  it('insist on ranges of one length', () => {
    expect(errorCode(run('SUMIF({1, 2, 3}, ">1", {1, 2})'))).toBe('#VALUE!');
  });
});
