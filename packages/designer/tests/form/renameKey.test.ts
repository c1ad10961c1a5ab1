import { describe, expect, it } from 'vitest';
import { type Form, keyProblem } from '../../src/index.ts';
import { checkInForm, createTestDesigner, doc } from '../fixtures.ts';

describe('renaming a field key', () => {
  it('renames the data, the binding, rules, validations, messages and every formula that reads it', () => {
    const designer = createTestDesigner();
    expect(designer.renameKey('progressNode', 'completion')).toEqual({ ok: true });
    const form = doc(designer);
    expect(Object.keys(form.data.properties)).toEqual(['status', 'completion', 'comment', 'kpis', 'total']);
    expect(form.layout.nodes.progressNode).toMatchObject({ path: 'completion' });
    expect(form.rules?.[0]?.visible).toBe('status = "done" AND completion < 50');
    expect(form.validations?.[0]).toMatchObject({ formula: 'completion <= 100', paths: ['completion'] });
    expect(Object.keys(form.messages ?? {})).toEqual(['completion']);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('renames a table column in its row formulas (plain names) and in whole-column references', () => {
    const designer = createTestDesigner();
    expect(designer.renameKey('scoreCol', 'points')).toEqual({ ok: true });
    const form = doc(designer);
    expect(form.computed).toEqual([
      { target: 'kpis[].points', formula: 'IFERROR(weight * MIN(actual / target, 1.2), 0)' },
      { target: 'total', formula: 'SUM(kpis[].points)' },
    ]);
    expect(form.layout.nodes.scoreCol).toMatchObject({ path: 'points' });
    designer.renameKey('weightCol', 'share');
    expect(doc(designer).computed?.[0]?.formula).toBe('IFERROR(share * MIN(actual / target, 1.2), 0)');
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('renames a table: its path, its columns’ full paths, row formula targets; column nodes stay relative', () => {
    const designer = createTestDesigner();
    expect(designer.renameKey('table', 'goals')).toEqual({ ok: true });
    const form = doc(designer);
    expect(form.layout.nodes.table).toMatchObject({ path: 'goals' });
    expect(form.layout.nodes.scoreCol).toMatchObject({ path: 'score' });
    expect(form.computed).toEqual([
      { target: 'goals[].score', formula: 'IFERROR(weight * MIN(actual / target, 1.2), 0)' },
      { target: 'total', formula: 'SUM(goals[].score)' },
    ]);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('keeps the text of formulas around the renamed references as it was written', () => {
    const designer = createTestDesigner();
    designer.setProperty('progressNode', 'label', '进度');
    const form = doc(designer);
    const spaced: Form = {
      ...form,
      rules: [{ target: 'comment', visible: 'status="done"  AND  progress<50 ' }],
    };
    designer.load(spaced);
    designer.renameKey('progressNode', '进展');
    expect(doc(designer).rules?.[0]?.visible).toBe('status="done"  AND  进展<50 ');
  });

  it('refuses keys that are invalid, taken or reserved, with the reason', () => {
    const designer = createTestDesigner();
    expect(designer.renameKey('progressNode', 'status')).toMatchObject({
      ok: false,
      reason: { en: 'the field key status is already used' },
    });
    expect(designer.renameKey('progressNode', 'AND')).toMatchObject({
      ok: false,
      reason: { 'zh-CN': 'AND 是保留字，不能用作字段标识' },
    });
    expect(designer.renameKey('progressNode', 'true')).toMatchObject({ ok: false });
    expect(designer.renameKey('progressNode', '1st')).toMatchObject({ ok: false });
    expect(designer.renameKey('progressNode', 'a.b')).toMatchObject({ ok: false });
    expect(designer.renameKey('progressNode', '__proto__')).toMatchObject({ ok: false });
    expect(designer.renameKey('basics', 'x')).toMatchObject({
      ok: false,
      reason: { en: 'only fields and tables have a key' },
    });
    expect(designer.getState().past).toBeUndefined();
    // The same key in another object is fine: a table column may share a record field's name.
    expect(keyProblem('status', ['name', 'weight'])).toBeUndefined();
  });

  it('refuses a rename that would make a row formula read another field', () => {
    // A row formula reading the record's `bonus`; a column renamed to `bonus` would capture it.
    const base = checkInForm();
    const form: Form = {
      ...base,
      data: { ...base.data, properties: { ...base.data.properties, bonus: { type: 'number' } } },
      computed: [{ target: 'kpis[].score', formula: 'weight * bonus' }],
    };
    const designer = createTestDesigner(form);
    expect(designer.renameKey('actualCol', 'bonus')).toMatchObject({
      ok: false,
      reason: {
        en: 'after the rename, bonus in the formula "weight * bonus" would mean another field; choose another key',
      },
    });
    // And the other way: a record field renamed to a column's name, read plainly by a row formula.
    const designer2 = createTestDesigner({
      ...form,
      layout: {
        root: [...form.layout.root, 'bonusNode'],
        nodes: { ...form.layout.nodes, bonusNode: { type: 'field', path: 'bonus' } },
      },
    });
    expect(designer2.renameKey('bonusNode', 'actual')).toMatchObject({ ok: false });
    expect(designer2.renameKey('bonusNode', 'extra')).toEqual({ ok: true });
    expect(doc(designer2).computed?.[0]?.formula).toBe('weight * extra');
  });

  it('refuses while a formula that may use the field does not parse, and ignores ones that cannot', () => {
    const base = checkInForm();
    const broken: Form = { ...base, rules: [{ target: 'comment', visible: 'progress < (50' }] };
    const designer = createTestDesigner(broken);
    expect(designer.renameKey('progressNode', 'completion')).toMatchObject({
      ok: false,
      reason: {
        en: 'the formula "progress < (50" has errors, so whether it uses progress is unclear; fix it first',
      },
    });
    expect(designer.renameKey('statusNode', 'state')).toEqual({ ok: true });
  });

  it('undoes a rename in one step, back to the exact earlier definition', () => {
    const designer = createTestDesigner();
    const before = doc(designer);
    designer.renameKey('table', 'goals');
    designer.undo();
    expect(doc(designer)).toBe(before);
  });
});
