import { validateDefinition } from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { completeAt, diagnose, evaluateSample, FORMULA_VARIABLES, formulaScope } from '../../src/index.ts';
import { checkInForm } from '../fixtures.ts';

const form = checkInForm();
const record = formulaScope(form);
const row = formulaScope(form, 'kpis[].score');

describe('formula scope', () => {
  it('lists the record’s fields with labels and options, and a row formula’s cells by name', () => {
    expect(record.find((f) => f.name === 'status')).toEqual({
      name: 'status',
      type: 'string',
      label: { 'zh-CN': '状态', en: 'Status' },
      options: [
        { value: 'todo', label: { 'zh-CN': '未开始', en: 'To do' } },
        { value: 'done', label: { 'zh-CN': '已完成', en: 'Done' } },
      ],
    });
    expect(record.map((f) => f.name)).toContain('kpis[].weight');
    expect(row.find((f) => f.name === 'weight')).toMatchObject({
      type: 'number',
      label: { 'zh-CN': '权重' },
    });
  });

  it('names the same context variables that definition validation accepts', () => {
    for (const name of Object.keys(FORMULA_VARIABLES)) {
      const result = validateDefinition({
        ...form,
        rules: [{ target: 'comment', visible: `NOT(ISBLANK(${name}))` }],
      });
      expect(result.ok, name).toBe(true);
    }
    const unknown = validateDefinition({
      ...form,
      rules: [{ target: 'comment', visible: 'NOT(ISBLANK($salary))' }],
    });
    expect(unknown.ok).toBe(false);
  });
});

describe('completion', () => {
  it('completes field names by name and by label, then functions', () => {
    const text = 'IF(pro';
    const result = completeAt(text, text.length, record);
    expect(result.from).toBe(3);
    expect(result.to).toBe(6);
    expect(result.items.map((i) => i.insert)).toEqual(['progress', 'PRODUCT(', 'PROPER(']);
    const byLabel = completeAt('进度', 2, record);
    expect(byLabel.items[0]).toMatchObject({
      kind: 'field',
      insert: 'progress',
      label: { 'zh-CN': '进度（progress）' },
    });
  });

  it('completes table columns, variables, and nothing inside text', () => {
    expect(completeAt('SUM(kpis[].w', 12, record).items.map((i) => i.insert)).toEqual(['kpis[].weight']);
    expect(completeAt('$us', 3, record).items.map((i) => i.insert)).toEqual([
      '$user.id',
      '$user.name',
      '$user.orgUnit',
    ]);
    expect(completeAt('"pro', 4, record).items).toEqual([]);
    expect(completeAt('"a" & pro', 9, record).items[0]?.insert).toBe('progress');
  });

  it('replaces the whole word around the cursor', () => {
    const result = completeAt('progess > 1', 3, record);
    expect([result.from, result.to]).toEqual([0, 7]);
  });
});

describe('diagnosis and live result', () => {
  it('reports problems with their positions and a did-you-mean', () => {
    const result = diagnose('progres > 50', record);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({
      code: 'unknownField',
      line: 1,
      column: 1,
      span: { start: 0, end: 7 },
    });
    expect(result.issues[0]?.messages.en).toContain('progress');
    const syntax = diagnose('progress > (50', record);
    expect(syntax).toMatchObject({ ok: false, issues: [{ code: 'syntax' }] });
  });

  it('requires TRUE/FALSE for rules when asked', () => {
    expect(diagnose('progress + 1', record, true)).toMatchObject({
      ok: false,
      issues: [{ code: 'notLogical' }],
    });
    expect(diagnose('progress > 1', record, true)).toMatchObject({ ok: true, dependencies: ['progress'] });
  });

  it('evaluates against sample data', () => {
    expect(
      evaluateSample('status = "done" AND progress < 50', record, { data: { status: 'done', progress: 30 } }),
    ).toEqual({
      ok: true,
      value: true,
    });
    expect(
      evaluateSample('weight * actual / target', row, { data: { weight: 0.5, actual: 0, target: 0 } }),
    ).toEqual({
      ok: true,
      value: { error: '#DIV/0!', message: expect.any(Object) },
    });
    expect(evaluateSample('$today', record, { data: {}, now: Date.UTC(2026, 10, 27, 20) })).toEqual({
      ok: true,
      value: '2026-11-28',
    });
    expect(evaluateSample('nope', record, { data: {} })).toMatchObject({ ok: false });
  });
});

describe('formula editor helpers with other variables (a workflow’s)', () => {
  it('checks, completes and evaluates against the variables given instead of the definition’s', () => {
    const streak = { '$streak.value': 'number', '$streak.baseline': 'number' } as const;
    expect(diagnose('$streak.value < $streak.baseline', [], true, streak)).toMatchObject({ ok: true });
    expect(diagnose('$streak.value < 1', [], true)).toMatchObject({ ok: false });
    expect(diagnose('$streak.value', [], true, streak)).toMatchObject({
      ok: false,
      issues: [{ code: 'notLogical' }],
    });
    expect(completeAt('$str', 4, [], streak).items.map((i) => i.insert)).toEqual([
      '$streak.value',
      '$streak.baseline',
    ]);
    expect(
      evaluateSample('$streak.value * 2', [], { data: {}, variables: { streak: { value: 3 } } }, streak),
    ).toEqual({ ok: true, value: 6 });
  });
});
