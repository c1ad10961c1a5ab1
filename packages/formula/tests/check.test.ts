import { describe, expect, it } from 'vitest';
import { analyzeFormula, type CheckOptions, check, parse, prepareFormula, typeName } from '../src/index.ts';

const FIELDS: NonNullable<CheckOptions['fields']> = {
  score: 'number',
  target: 'number',
  actual: 'number',
  weight: 'number',
  status: 'string',
  due: 'date',
  'kr[].progress': 'number',
  'kr[].name': 'string',
};

function typeOf(text: string, options: CheckOptions = { fields: FIELDS }): string {
  const result = check(parse(text), { ...options, source: text });
  expect(result.issues).toEqual([]);
  return typeName(result.type);
}

function issuesOf(text: string, options: CheckOptions = { fields: FIELDS }): string[] {
  return check(parse(text), { ...options, source: text }).issues.map((i) => i.messages.en);
}

describe('check: static types', () => {
  it.each([
    ['weight * MIN(actual / target, 1.2)', 'number'],
    ['status = "已完成"', 'boolean'],
    ['IF(score > 60, "及格", "不及格")', 'string'],
    ['IF(score > 60, 1, "x")', 'any'],
    ['"第" & score & "名"', 'string'],
    ['due + 7', 'date'],
    ['$today - due', 'number'],
    ['kr[].progress', 'number[]'],
    ['kr[].progress * 100', 'number[]'],
    ['kr[].progress > 0.5', 'boolean[]'],
    ['SUM(kr[].progress)', 'number'],
    ['{1, 2}', 'number[]'],
    ['NULL', 'blank'],
    ['$user.name', 'any'],
  ])('%s : %s', (text, type) => {
    expect(typeOf(text)).toBe(type);
  });

  it('takes variable types from the options', () => {
    expect(typeOf('$user.name', { variables: { '$user.name': 'string' } })).toBe('string');
  });

  it('does not check fields when no field types are given', () => {
    expect(typeOf('anything * 2', {})).toBe('number');
  });
});

describe('check: problems', () => {
  it('reports unknown fields with a did-you-mean', () => {
    expect(issuesOf('scroe * 2')).toEqual(['line 1, column 1: unknown field scroe — did you mean score?']);
    const [issue] = check(parse('scroe * 2'), { fields: FIELDS, source: 'scroe * 2' }).issues;
    expect(issue?.messages['zh-CN']).toBe('第 1 行第 1 列：未知字段 scroe，是否想用 score？');
    expect(issue?.excerpt).toBe('scroe * 2\n^');
    expect(issuesOf('zzz')).toEqual(['line 1, column 1: unknown field zzz']);
  });

  it('reports unknown functions and variables with a did-you-mean', () => {
    expect(issuesOf('SUMM(score)')).toEqual(['line 1, column 1: unknown function SUMM — did you mean SUM?']);
    expect(issuesOf('$usr.name')).toEqual([
      'line 1, column 1: unknown variable $usr.name — did you mean $user?',
    ]);
  });

  it('reports wrong argument counts', () => {
    expect(issuesOf('ROUND()')).toEqual(['line 1, column 1: ROUND takes 1–2 arguments, got 0']);
    expect(issuesOf('IF(score)')).toEqual(['line 1, column 1: IF takes 2–3 arguments, got 1']);
    expect(issuesOf('SUM()')).toEqual(['line 1, column 1: SUM takes 1+ arguments, got 0']);
  });

  it('reports wrong argument and operand types', () => {
    expect(issuesOf('ROUND(status, 2)')).toEqual([
      'line 1, column 7: argument 1 of ROUND should be number, got string',
    ]);
    expect(issuesOf('status * 2')).toEqual(['line 1, column 1: operator * cannot be applied to string']);
    expect(issuesOf('ABS(kr[].progress)')).toEqual([
      'line 1, column 5: argument 1 of ABS should be number, got number[]',
    ]);
    const zh = check(parse('ROUND(status, 2)'), { fields: FIELDS }).issues[0]?.messages['zh-CN'];
    expect(zh).toBe('第 1 行第 7 列：ROUND 的第 1 个参数应为数字，实际为文本');
  });

  it('reports every problem, in order of position', () => {
    expect(issuesOf('SUMM(scroe)').map((m) => m.slice(0, 17))).toEqual([
      'line 1, column 1:',
      'line 1, column 6:',
    ]);
    expect(issuesOf('scroe + SUMM(1)').map((m) => m.slice(0, 17))).toEqual([
      'line 1, column 1:',
      'line 1, column 9:',
    ]);
  });
});

describe('prepareFormula', () => {
  it('returns a ready formula with its type and dependencies', () => {
    const result = prepareFormula('weight * MIN(actual / target, 1.2)', { fields: FIELDS });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(typeName(result.type)).toBe('number');
      expect(result.dependencies).toEqual(['actual', 'target', 'weight']);
    }
  });

  it('returns syntax and type issues instead of throwing', () => {
    const syntax = prepareFormula('SUM(1', { fields: FIELDS });
    expect(syntax).toMatchObject({ ok: false, issues: [{ code: 'syntax', line: 1, column: 6 }] });
    const types = prepareFormula('SUMM(1)', { fields: FIELDS });
    expect(types).toMatchObject({ ok: false, issues: [{ code: 'unknownFunction' }] });
  });
});

describe('analyzeFormula', () => {
  it('gives the type, the tree and the reads, worked out once when first asked for', () => {
    const result = analyzeFormula('IF(actual > target, weight, TODAY() - due)', { fields: FIELDS });
    if (!result.ok) throw new Error('the formula should analyze');
    expect(result.ast).toMatchObject({ type: 'Call', name: 'IF' });
    const reads = result.dependencies;
    expect(reads).toEqual(['$today', 'actual', 'due', 'target', 'weight']);
    expect(result.dependencies).toBe(reads);
  });
});
