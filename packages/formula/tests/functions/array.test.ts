import { describe, expect, it } from 'vitest';
import { check, type FormulaError, parse, toJSONValue } from '../../src/index.ts';
import { errorCode, run } from '../support/run.ts';

const kr = {
  kr: [
    { name: '降本', owner: 'li', progress: 0.4 },
    { name: '提效', owner: 'wang', progress: 0.9 },
    { name: '安全', owner: 'Li', progress: 0.6 },
    { name: '交期', progress: 0.6 },
  ],
};

// The sample table of Microsoft's SORT/UNIQUE/FILTER help pages, reduced to two columns.
const sales = {
  rows: [
    { region: 'East', units: 6380 },
    { region: 'West', units: 5854 },
    { region: 'North', units: 6592 },
    { region: 'South', units: 7358 },
    { region: 'East', units: 4471 },
    { region: 'West', units: 8196 },
  ],
};

describe('FILTER', () => {
  it('keeps the items of a table column whose condition holds', () => {
    expect(run('FILTER(kr[].name, kr[].progress > 0.5)', kr)).toEqual(['提效', '安全', '交期']);
    expect(run('FILTER(rows[].units, rows[].region = "east")', sales)).toEqual([6380, 4471]);
    expect(run('FILTER(kr[].name, (kr[].progress > 0.5) * (kr[].owner <> ""))', kr)).toEqual([
      '提效',
      '安全',
    ]);
  });

  it('returns if_empty, or #N/A with an explanation, when nothing is left', () => {
    expect(run('FILTER(kr[].name, kr[].progress > 2, "无")', kr)).toBe('无');
    expect(run('FILTER(kr[].name, kr[].progress > 2, "")', kr)).toBe('');
    const value = run('FILTER(kr[].name, kr[].progress > 2)', kr);
    expect(errorCode(value)).toBe('#N/A');
    expect((value as FormulaError).message['zh-CN']).toContain('第三个参数');
    expect(errorCode(run('FILTER(kr[].name, kr[].progress > 0)', { kr: [] }))).toBe('#N/A');
  });

  it('rejects arrays of different lengths and bad conditions', () => {
    const value = run('FILTER({1, 2, 3}, {TRUE, FALSE})');
    expect(errorCode(value)).toBe('#VALUE!');
    expect((value as FormulaError).message.en).toContain('different lengths');
    expect(errorCode(run('FILTER({1, 2}, {"yes", "no"})'))).toBe('#VALUE!');
    expect(errorCode(run('FILTER({1, 2}, {1, 0} / {1, 0})'))).toBe('#DIV/0!');
  });

  it('passes the filtered items through unchanged, errors included', () => {
    expect(toJSONValue(run('FILTER({1, 2} / {0, 1}, {TRUE, TRUE})'))).toMatchObject([
      { error: '#DIV/0!' },
      2,
    ]);
    expect(run('FILTER({0, 1, 2}, {0, 1, 2})')).toEqual([1, 2]);
  });
});

describe('UNIQUE and COUNTUNIQUE', () => {
  it('keeps the first of each value, ignoring case like =', () => {
    expect(run('UNIQUE(rows[].region)', sales)).toEqual(['East', 'West', 'North', 'South']);
    expect(run('UNIQUE(kr[].owner)', kr)).toEqual(['li', 'wang', null]);
    expect(run('UNIQUE({0.1 + 0.2, 0.3, 1, "1", TRUE})')).toEqual([0.30000000000000004, 1, '1', true]);
    expect(run('UNIQUE(5)')).toEqual([5]);
    expect(run('UNIQUE(kr[].name)', { kr: [] })).toEqual([]);
  });

  it('counts distinct filled-in values', () => {
    expect(run('COUNTUNIQUE(kr[].owner)', kr)).toBe(2);
    expect(run('COUNTUNIQUE(rows[].region)', sales)).toBe(4);
    expect(run('COUNTUNIQUE({1, 2}, 2, "", "x")')).toBe(3);
  });

  it('propagates errors', () => {
    expect(errorCode(run('UNIQUE({1, 2} / {1, 0})'))).toBe('#DIV/0!');
    expect(errorCode(run('COUNTUNIQUE({1, 2} / {1, 0})'))).toBe('#DIV/0!');
  });

  it('handles a long column without comparing every pair', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ v: i % 100 }));
    expect(run('COUNTA(UNIQUE(rows[].v))', { rows })).toBe(100);
  });
});

describe('SORT and SORTBY', () => {
  it('sorts ascending by default and descending with -1', () => {
    expect(run('SORT(rows[].units)', sales)).toEqual([4471, 5854, 6380, 6592, 7358, 8196]);
    expect(run('SORT(rows[].units, -1)', sales)).toEqual([8196, 7358, 6592, 6380, 5854, 4471]);
    expect(run('SORT({"b", "A", "c", "a"})')).toEqual(['A', 'a', 'b', 'c']);
  });

  it('accepts Excel’s SORT(values, 1, order) form', () => {
    expect(run('SORT({3, 1, 2}, 1, -1)')).toEqual([3, 2, 1]);
    expect(run('SORT({3, 1, 2}, 1)')).toEqual([1, 2, 3]);
    expect(errorCode(run('SORT({3, 1, 2}, 2, 1)'))).toBe('#VALUE!');
    expect(errorCode(run('SORT({3, 1, 2}, 0)'))).toBe('#VALUE!');
  });

  it('orders mixed types like Excel and puts blanks last', () => {
    expect(run('SORT({TRUE, "b", 2, "a", 1})')).toEqual([1, 2, 'a', 'b', true]);
    expect(run('SORT(v)', { v: [3, null, 1] })).toEqual([1, 3, null]);
    expect(run('SORT(v, -1)', { v: [3, null, 1] })).toEqual([3, 1, null]);
    expect(toJSONValue(run('SORT({DATE(2026, 3, 1), DATE(2025, 1, 1)})'))).toEqual([
      '2025-01-01',
      '2026-03-01',
    ]);
  });

  it('sorts one column by another, stably, with several keys', () => {
    expect(run('SORTBY(kr[].name, kr[].progress, -1)', kr)).toEqual(['提效', '安全', '交期', '降本']);
    expect(run('SORTBY(kr[].name, kr[].progress)', kr)).toEqual(['降本', '安全', '交期', '提效']);
    expect(run('SORTBY(rows[].units, rows[].region, 1, rows[].units, -1)', sales)).toEqual([
      6380, 4471, 6592, 7358, 8196, 5854,
    ]);
  });

  it('rejects different lengths, bad orders and errors in the keys', () => {
    expect(errorCode(run('SORTBY({1, 2}, {1, 2, 3})'))).toBe('#VALUE!');
    expect(errorCode(run('SORTBY({1, 2}, {2, 1}, 0)'))).toBe('#VALUE!');
    expect(errorCode(run('SORT({1, 2} / {1, 0})'))).toBe('#DIV/0!');
    expect(errorCode(run('SORTBY({1, 2}, {1, 2} / {1, 0})'))).toBe('#DIV/0!');
  });
});

describe('INDEX, FIRST, LAST, TAKE, DROP', () => {
  it('picks items by 1-based position', () => {
    expect(run('INDEX(kr[].name, 2)', kr)).toBe('提效');
    expect(run('INDEX(kr[].owner, 4)', kr)).toBe(null);
    expect(run('INDEX("only", 1)')).toBe('only');
    expect(run('INDEX(kr[].name, MATCH(MAX(kr[].progress), kr[].progress, 0))', kr)).toBe('提效');
  });

  it('returns #REF! out of range', () => {
    for (const n of [0, -1, 5]) {
      const value = run(`INDEX(kr[].name, ${n})`, kr);
      expect(errorCode(value)).toBe('#REF!');
      expect((value as FormulaError).message.en).toContain('4 items');
    }
    expect(errorCode(run('INDEX(kr[].name, "x")', kr))).toBe('#VALUE!');
  });

  it('gives the first and last items, blank for an empty table', () => {
    expect(run('FIRST(kr[].name)', kr)).toBe('降本');
    expect(run('LAST(kr[].name)', kr)).toBe('交期');
    expect(run('FIRST(kr[].name)', { kr: [] })).toBe(null);
    expect(run('LAST(kr[].name)', {})).toBe(null);
    expect(run('FIRST(7)')).toBe(7);
  });

  it('takes and drops from either end', () => {
    expect(run('TAKE(SORT(rows[].units, -1), 3)', sales)).toEqual([8196, 7358, 6592]);
    expect(run('TAKE({1, 2, 3}, -2)')).toEqual([2, 3]);
    expect(run('TAKE({1, 2, 3}, 10)')).toEqual([1, 2, 3]);
    expect(run('TAKE({1, 2, 3}, 0)')).toEqual([]);
    expect(run('DROP({1, 2, 3}, 1)')).toEqual([2, 3]);
    expect(run('DROP({1, 2, 3}, -1)')).toEqual([1, 2]);
    expect(run('DROP({1, 2, 3}, 5)')).toEqual([]);
    expect(run('DROP({1, 2, 3}, -5)')).toEqual([]);
  });
});

describe('SEQUENCE', () => {
  it('counts like Excel, row by row', () => {
    expect(run('SEQUENCE(3)')).toEqual([1, 2, 3]);
    expect(run('SEQUENCE(2, 3)')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(run('SEQUENCE(3, 1, 0.5, 0.25)')).toEqual([0.5, 0.75, 1]);
    expect(run('SEQUENCE(0)')).toEqual([]);
    expect(errorCode(run('SEQUENCE(-1)'))).toBe('#VALUE!');
  });

  it('stops huge sequences with #LIMIT! before building them', () => {
    const started = performance.now();
    expect(errorCode(run('SEQUENCE(1E9)'))).toBe('#LIMIT!');
    expect(errorCode(run('SEQUENCE(1E300, 1E300)'))).toBe('#LIMIT!');
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('MATCH', () => {
  const B = '{25, 38, 40, 41}';

  it('follows the Excel examples', () => {
    expect(run(`MATCH(39, ${B}, 1)`)).toBe(2);
    expect(run(`MATCH(41, ${B}, 0)`)).toBe(4);
    expect(errorCode(run(`MATCH(40, ${B}, -1)`))).toBe('#N/A');
    expect(run(`MATCH(39, ${B})`)).toBe(2);
  });

  it('finds exact matches ignoring case, with wildcards', () => {
    expect(run('MATCH("WANG", kr[].owner, 0)', kr)).toBe(2);
    expect(run('MATCH("安*", kr[].name, 0)', kr)).toBe(3);
    expect(run('MATCH("?效", kr[].name, 0)', kr)).toBe(2);
    expect(run('MATCH("a~*", {"ab", "a*"}, 0)')).toBe(2);
    expect(errorCode(run('MATCH("x", kr[].owner, 0)', kr))).toBe('#N/A');
    expect(errorCode(run('MATCH(1, {"1"}, 0)'))).toBe('#N/A');
  });

  it('finds approximate matches in sorted data, the last of equal items', () => {
    expect(run('MATCH(40, {10, 20, 40, 40, 50}, 1)')).toBe(4);
    expect(run('MATCH(45, {50, 40, 30}, -1)')).toBe(1);
    expect(run('MATCH(40, {50, 40, 30}, -1)')).toBe(2);
    expect(errorCode(run('MATCH(5, {10, 20}, 1)'))).toBe('#N/A');
    expect(run('MATCH("c", {"a", "b", "d"}, 1)')).toBe(2);
    expect(errorCode(run('MATCH("c", {1, 2}, 1)'))).toBe('#N/A');
  });

  it('rejects bad match types, blank and error lookup values', () => {
    expect(errorCode(run(`MATCH(40, ${B}, 2)`))).toBe('#VALUE!');
    expect(errorCode(run(`MATCH(missing, ${B}, 0)`))).toBe('#N/A');
    expect(errorCode(run(`MATCH(1 / 0, ${B}, 0)`))).toBe('#DIV/0!');
  });

  it('looks up every item of an array of values', () => {
    expect(toJSONValue(run('MATCH({"li", "zhang"}, kr[].owner, 0)', kr))).toMatchObject([
      1,
      { error: '#N/A' },
    ]);
  });
});

describe('XLOOKUP', () => {
  const parts = {
    parts: [
      { code: 'A01', name: '轴承', price: 12 },
      { code: 'B02', name: '齿轮', price: 30 },
      { code: 'C03', name: '链条' },
      { code: 'B02', name: '齿轮（旧）', price: 25 },
    ],
  };

  it('returns the item at the matching position', () => {
    expect(run('XLOOKUP("b02", parts[].code, parts[].name)', parts)).toBe('齿轮');
    expect(run('XLOOKUP("C03", parts[].code, parts[].price)', parts)).toBe(null);
    expect(run('XLOOKUP("B02", parts[].code, parts[].name, "", 0, -1)', parts)).toBe('齿轮（旧）');
  });

  it('returns if_not_found or #N/A', () => {
    expect(run('XLOOKUP("Z99", parts[].code, parts[].name, "未找到")', parts)).toBe('未找到');
    expect(errorCode(run('XLOOKUP("Z99", parts[].code, parts[].name)', parts))).toBe('#N/A');
    expect(run('IFNA(XLOOKUP("Z99", parts[].code, parts[].price), 0)', parts)).toBe(0);
  });

  it('matches the next smaller or larger item in any order (a tax bracket table)', () => {
    const brackets = '{0, 9700, 39475, 84200, 160726, 204100, 510300}';
    const rates = '{0.1, 0.22, 0.24, 0.32, 0.35, 0.37, 0.12}';
    expect(run(`XLOOKUP(46523, ${brackets}, ${rates}, 0, -1)`)).toBe(0.24);
    expect(run('XLOOKUP(25, {30, 10, 20}, {"a", "b", "c"}, "-", -1)')).toBe('c');
    expect(run('XLOOKUP(25, {30, 10, 20}, {"a", "b", "c"}, "-", 1)')).toBe('a');
    expect(run('XLOOKUP(5, {30, 10, 20}, {"a", "b", "c"}, "-", -1)')).toBe('-');
    expect(run('XLOOKUP(20, {30, 10, 20}, {"a", "b", "c"}, "-", 1)')).toBe('c');
  });

  it('matches wildcards only in match_mode 2', () => {
    expect(run('XLOOKUP("链*", parts[].name, parts[].code, "-", 2)', parts)).toBe('C03');
    expect(run('XLOOKUP("链*", parts[].name, parts[].code, "-")', parts)).toBe('-');
    expect(run('XLOOKUP(30, parts[].price, parts[].code, "-", 2)', parts)).toBe('B02');
  });

  it('looks up each row of a table column', () => {
    const data = {
      kr: [{ owner: 'u2' }, { owner: 'u1' }, { owner: 'u9' }],
      users: [
        { id: 'u1', name: '李雷' },
        { id: 'u2', name: '韩梅梅' },
      ],
    };
    expect(run('XLOOKUP(kr[].owner, users[].id, users[].name, "?")', data)).toEqual(['韩梅梅', '李雷', '?']);
  });

  it('rejects different lengths and bad modes, and propagates errors', () => {
    const value = run('XLOOKUP(1, {1, 2}, {"a"})');
    expect(errorCode(value)).toBe('#VALUE!');
    expect((value as FormulaError).message['zh-CN']).toContain('长度不一致');
    expect(errorCode(run('XLOOKUP(1, {1}, {"a"}, "", 3)'))).toBe('#VALUE!');
    expect(errorCode(run('XLOOKUP(1, {1}, {"a"}, "", 0, 0)'))).toBe('#VALUE!');
    expect(errorCode(run('XLOOKUP(1 / 0, {1}, {"a"}, "none")'))).toBe('#DIV/0!');
    expect(run('XLOOKUP(2, {1, 2} / {0, 1}, {"a", "b"})')).toBe('b');
  });
});

describe('LOOKUP', () => {
  it('follows the Excel examples', () => {
    const a = '{4.14, 4.19, 5.17, 5.77, 6.39}';
    const b = '{"red", "orange", "yellow", "green", "blue"}';
    expect(run(`LOOKUP(4.19, ${a}, ${b})`)).toBe('orange');
    expect(run(`LOOKUP(5.75, ${a}, ${b})`)).toBe('yellow');
    expect(run(`LOOKUP(7.66, ${a}, ${b})`)).toBe('blue');
    expect(errorCode(run(`LOOKUP(0, ${a}, ${b})`))).toBe('#N/A');
  });

  it('grades a score into bands', () => {
    expect(run('LOOKUP(score, {0, 60, 80, 90}, {"D", "C", "B", "A"})', { score: 92 })).toBe('A');
    expect(run('LOOKUP(score, {0, 60, 80, 90}, {"D", "C", "B", "A"})', { score: 60 })).toBe('C');
    expect(errorCode(run('LOOKUP(1, {1, 2}, {"a"})'))).toBe('#VALUE!');
  });
});

describe('static types', () => {
  const fields = { 'kr[].name': 'string', 'kr[].progress': 'number' } as const;
  const typeOf = (formula: string) => check(parse(formula), { fields }).type;

  it('derives result types from the arguments', () => {
    expect(typeOf('FILTER(kr[].name, kr[].progress > 0.5)')).toEqual({
      kind: 'array',
      of: { kind: 'string' },
    });
    expect(typeOf('SORT(kr[].progress)')).toEqual({ kind: 'array', of: { kind: 'number' } });
    expect(typeOf('FIRST(kr[].name)')).toEqual({ kind: 'string' });
    expect(typeOf('XLOOKUP("a", kr[].name, kr[].progress)')).toEqual({ kind: 'number' });
    expect(typeOf('XLOOKUP(kr[].name, kr[].name, kr[].progress)')).toEqual({
      kind: 'array',
      of: { kind: 'number' },
    });
    expect(typeOf('MATCH("a", kr[].name, 0)')).toEqual({ kind: 'number' });
    expect(typeOf('SEQUENCE(3)')).toEqual({ kind: 'array', of: { kind: 'number' } });
  });
});
