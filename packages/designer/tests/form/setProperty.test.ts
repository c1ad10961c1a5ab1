import { describe, expect, it } from 'vitest';
import { createTestDesigner, doc } from '../fixtures.ts';

describe('setting properties', () => {
  it('writes a field’s label to its data schema title, in both locales, and reads it back', () => {
    const designer = createTestDesigner();
    designer.setProperty('progressNode', 'label', { 'zh-CN': '完成度', en: '' });
    expect(doc(designer).data.properties.progress).toMatchObject({ title: { 'zh-CN': '完成度' } });
    expect(designer.getProperty('progressNode', 'label')).toEqual({ 'zh-CN': '完成度' });
  });

  it('merges typing into one property into one undo step, per node and property', () => {
    const designer = createTestDesigner();
    const before = doc(designer);
    for (const text of ['完', '完成', '完成度']) designer.setProperty('progressNode', 'help', text);
    designer.setProperty('commentNode', 'help', '补充');
    expect(designer.getState().past?.size).toBe(2);
    designer.undo();
    expect(designer.getProperty('progressNode', 'help')).toBe('完成度');
    designer.undo();
    expect(doc(designer)).toBe(before);
  });

  it('sets required in the parent object’s list (a table column in its row’s list)', () => {
    const designer = createTestDesigner();
    designer.setProperty('progressNode', 'required', true);
    expect(doc(designer).data.required).toEqual(['status', 'progress']);
    designer.setProperty('statusNode', 'required', false);
    designer.setProperty('progressNode', 'required', false);
    expect(doc(designer).data.required).toBeUndefined();
    designer.setProperty('weightCol', 'required', true);
    expect(designer.getProperty('weightCol', 'required')).toBe(true);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('edits options as value + label lists, on choices and on a multi-select’s items', () => {
    const designer = createTestDesigner();
    designer.setProperty('statusNode', 'options', [
      { value: 'todo', label: { 'zh-CN': '未开始', en: 'To do' } },
      { value: 'doing', label: { 'zh-CN': '进行中' } },
      { value: 'done', label: '已完成' },
    ]);
    expect(designer.getProperty('statusNode', 'options')).toEqual([
      { value: 'todo', label: { 'zh-CN': '未开始', en: 'To do' } },
      { value: 'doing', label: { 'zh-CN': '进行中' } },
      { value: 'done', label: '已完成' },
    ]);
    designer.add('checkboxes', { parent: null });
    const id = designer.getState().selection[0] as string;
    designer.setProperty(id, 'options', [{ value: 'a' }, { value: 'b' }]);
    expect(designer.getProperty(id, 'options')).toEqual([{ value: 'a' }, { value: 'b' }]);
    expect(designer.toDefinition().ok).toBe(true);
    expect(designer.setProperty(id, 'options', [{ value: 'a' }, { value: 'a' }])).toMatchObject({
      ok: false,
      reason: { en: 'option values must be unique' },
    });
    expect(designer.setProperty('progressNode', 'options', [{ value: 'x' }])).toMatchObject({
      ok: false,
      reason: { en: 'the option value x is not a number' },
    });
  });

  it('sets limits and units in the schema, and refuses a limit that is not a number', () => {
    const designer = createTestDesigner();
    designer.setProperty('progressNode', 'maximum', 120);
    designer.setProperty('progressNode', 'unit', { 'zh-CN': '%', en: '%' });
    expect(doc(designer).data.properties.progress).toMatchObject({
      maximum: 120,
      'x-unit': { 'zh-CN': '%', en: '%' },
    });
    designer.setProperty('progressNode', 'minimum', undefined);
    expect(doc(designer).data.properties.progress).not.toHaveProperty('minimum');
    expect(designer.setProperty('progressNode', 'maximum', '12')).toMatchObject({ ok: false });
  });

  it('sets node properties and widget props, and removes them when emptied', () => {
    const designer = createTestDesigner();
    designer.setProperty('basics', 'collapsible', true);
    designer.setProperty('progressNode', 'props.max', 10);
    expect(doc(designer).layout.nodes.progressNode).toMatchObject({ props: { max: 10 } });
    designer.setProperty('progressNode', 'props.max', undefined);
    expect(doc(designer).layout.nodes.progressNode).not.toHaveProperty('props');
    designer.setProperty('basics', 'title', { 'zh-CN': '', en: '' });
    expect(doc(designer).layout.nodes.basics).not.toHaveProperty('title');
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('refuses properties a node does not have', () => {
    const designer = createTestDesigner();
    expect(designer.setProperty('basics', 'span', 3)).toMatchObject({
      ok: false,
      reason: { en: 'this component has no property span' },
    });
    expect(designer.setProperty('basics', 'props.x', 1)).toMatchObject({ ok: false });
    expect(designer.setProperty('missing', 'title', 'x')).toMatchObject({ ok: false });
  });
});

describe('rules and computed formulas as properties', () => {
  it('sets, changes and removes a field’s rule formulas, one rule entry per field', () => {
    const designer = createTestDesigner();
    designer.setProperty('commentNode', 'rule.required', 'status = "done"');
    expect(doc(designer).rules).toEqual([
      { target: 'comment', visible: 'status = "done" AND progress < 50', required: 'status = "done"' },
    ]);
    designer.setProperty('commentNode', 'rule.visible', '');
    designer.setProperty('commentNode', 'rule.required', undefined);
    expect(doc(designer).rules).toBeUndefined();
    designer.setProperty('progressNode', 'rule.readOnly', 'status = "done"');
    expect(designer.getProperty('progressNode', 'rule.readOnly')).toBe('status = "done"');
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('sets a computed formula on a field and a table column', () => {
    const designer = createTestDesigner();
    designer.setProperty('weightCol', 'computed', '1 / 5');
    expect(designer.getProperty('weightCol', 'computed')).toBe('1 / 5');
    designer.setProperty('totalNode', 'computed', 'SUM(kpis[].score) / 2');
    expect(doc(designer).computed).toHaveLength(3);
    designer.setProperty('totalNode', 'computed', undefined);
    expect(doc(designer).computed?.map((c) => c.target)).toEqual(['kpis[].score', 'kpis[].weight']);
    expect(designer.setProperty('totalNode', 'computed', 5)).toMatchObject({ ok: false });
    expect(designer.toDefinition().ok).toBe(true);
  });
});
