import { describe, expect, it, vi } from 'vitest';
import { createFormEngine, InvalidFormDefinitionError } from '../src/index.ts';
import { createTestForm, filledScorecard as filled, scorecardDefinition } from './support.ts';

describe('createFormEngine', () => {
  it('refuses an invalid definition with its issues', () => {
    const definition = { ...scorecardDefinition(), tittle: 'x' };
    expect(() => createFormEngine(definition)).toThrow(InvalidFormDefinitionError);
    try {
      createFormEngine(definition);
    } catch (error) {
      expect((error as InvalidFormDefinitionError).issues[0]?.pointer).toBe('/tittle');
    }
  });

  it('computes fields on creation, in dependency order', () => {
    const form = createTestForm({ value: filled });
    expect(form.getValue('kpis[0].rowScore')).toBe(54);
    expect(form.getValue('kpis[1].rowScore')).toBe(48);
    expect(form.getValue('totalWeight')).toBe(100);
    expect(form.getValue('score')).toBe(102);
  });

  it('recomputes what a change reaches and tells only the fields concerned', () => {
    const form = createTestForm({ value: filled });
    const heard = { score: vi.fn(), row0: vi.fn(), row1: vi.fn(), comment: vi.fn(), employee: vi.fn() };
    form.subscribe('score', heard.score);
    form.subscribe('kpis[0].rowScore', heard.row0);
    form.subscribe('kpis[1].actual', heard.row1);
    form.subscribe('comment', heard.comment);
    form.subscribe('employee', heard.employee);
    form.setValue('kpis[0].actual', 50);
    expect(form.getValue('kpis[0].rowScore')).toBe(30);
    expect(form.getValue('score')).toBe(78);
    expect(heard.score).toHaveBeenCalledTimes(1);
    expect(heard.row0).toHaveBeenCalledTimes(1);
    expect(heard.row1).not.toHaveBeenCalled();
    expect(heard.employee).not.toHaveBeenCalled();
  });

  it('applies rules: required and visible follow the formulas', () => {
    const form = createTestForm({ value: { ...filled, status: 'draft' } });
    expect(form.getFieldState('comment').visible).toBe(false);
    form.setValue('status', 'submitted');
    expect(form.getFieldState('comment').visible).toBe(true);
    expect(form.getFieldState('comment').required).toBe(false);
    form.setValue('kpis[1].actual', 0);
    form.setValue('kpis[0].actual', 0);
    expect(form.getValue('score')).toBe(0);
    expect(form.getFieldState('comment').required).toBe(true);
    expect(form.getFieldState('score').readOnly).toBe(true);
  });

  it('checks a field on blur, then on every change, with the form’s messages', () => {
    const form = createTestForm({ value: filled });
    form.setValue('employee', '');
    expect(form.getFieldState('employee').issues).toEqual([]);
    form.blur('employee');
    expect(form.getFieldState('employee').issues.map((i) => i.message['zh-CN'])).toEqual(['请选择员工']);
    form.setValue('employee', 'u-wangwu');
    expect(form.getFieldState('employee').issues).toEqual([]);
    form.setValue('kpis[0].weight', 150);
    form.blur('kpis[0].weight');
    expect(form.getFieldState('kpis[0].weight').issues[0]?.message.en).toBe('Must be <= 100');
  });

  it('submits the clean value, without hidden fields', () => {
    const form = createTestForm({ value: { ...filled, status: 'draft', comment: '草稿备注' } });
    const result = form.submit();
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.comment).toBeUndefined();
      expect(result.value.score).toBe(102);
    }
  });

  it('reports every problem on submit: schema, rule-required and cross-field', () => {
    const form = createTestForm({
      value: { ...filled, employee: undefined, kpis: [{ name: 'x', weight: 50, target: 100, actual: 10 }] },
    });
    const result = form.submit();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => [i.path, i.keyword])).toEqual([
        ['employee', 'required'],
        ['comment', 'required'],
        ['kpis', 'weights-add-up'],
      ]);
    }
    expect(form.getFieldState('employee').touched).toBe(true);
    expect(form.getFormState().issues).toHaveLength(3);
  });

  it('tells the listeners of an empty table about its problems on submit', () => {
    const form = createTestForm();
    const heard = vi.fn();
    form.subscribe('kpis', heard);
    form.submit();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(form.getFieldState('kpis').issues.map((i) => i.keyword)).toContain('required');
  });

  it('adds, removes, moves and duplicates rows, keeping row state with its row', () => {
    const form = createTestForm({ value: filled });
    form.setValue('kpis[1].weight', 500);
    form.blur('kpis[1].weight');
    expect(form.getFieldState('kpis[1].weight').issues).toHaveLength(1);
    form.addRow('kpis', { name: '新指标', weight: 0, target: 1 }, 0);
    expect(form.getValue('kpis[0].name')).toBe('新指标');
    expect(form.getFieldState('kpis[2].weight').issues).toHaveLength(1);
    form.moveRow('kpis', 2, 0);
    expect(form.getFieldState('kpis[0].weight').issues).toHaveLength(1);
    form.removeRow('kpis', 0);
    expect(form.getFieldState('kpis[0].weight').issues).toEqual([]);
    expect((form.getValue('kpis') as unknown[]).length).toBe(2);
    form.duplicateRow('kpis', 1);
    expect(form.getValue('kpis[2]')).toEqual(form.getValue('kpis[1]'));
    expect(form.getValue('totalWeight')).toBe(120);
  });

  it('tracks dirty state and resets', () => {
    const form = createTestForm({ value: filled });
    expect(form.getFormState().dirty).toBe(false);
    form.setValue('comment', 'x');
    expect(form.getFieldState('comment').dirty).toBe(true);
    expect(form.getFormState().dirty).toBe(true);
    form.reset();
    expect(form.getValue('comment')).toBeUndefined();
    expect(form.getFormState().dirty).toBe(false);
  });

  it('keeps a half-filled form across a reload with drafts', () => {
    const form = createTestForm({ value: filled });
    form.setValue('comment', '进行中');
    form.setValue('kpis[0].weight', 999);
    form.blur('kpis[0].weight');
    const draft = JSON.parse(JSON.stringify(form.serializeDraft()));
    const reloaded = createTestForm();
    expect(reloaded.restoreDraft(draft)).toBe(true);
    expect(reloaded.getValue('comment')).toBe('进行中');
    expect(reloaded.getFieldState('kpis[0].weight').issues).toHaveLength(1);
    expect(reloaded.restoreDraft({ ...draft, formId: 'other' })).toBe(false);
  });

  it('returns stable field states while nothing changed', () => {
    const form = createTestForm({ value: filled });
    expect(form.getFieldState('employee')).toBe(form.getFieldState('employee'));
    const before = form.getFieldState('employee');
    form.setValue('comment', 'y');
    expect(form.getFieldState('employee')).toStrictEqual(before);
  });
});

describe('trusted definitions', () => {
  it('skips definition validation only when asked to', () => {
    const definition = { ...scorecardDefinition(), tittle: 'x' };
    expect(() => createFormEngine(definition)).toThrow(InvalidFormDefinitionError);
    const form = createFormEngine(definition, {
      trustedDefinition: true,
      value: { kpis: [{ weight: 40, actual: 50, target: 100 }] },
    });
    expect(form.getValue('kpis[0].rowScore')).toBe(20);
  });
});
