import { isReservedWord } from '@formboard/formula';
import { describe, expect, it } from 'vitest';
import { createEmptyForm, createFormDesigner, FIELD_ITEMS, LAYOUT_ITEMS } from '../../src/index.ts';
import { countingIds, createTestDesigner, doc } from '../fixtures.ts';

const empty = () => createFormDesigner({ definition: createEmptyForm('f', '表单'), nextId: countingIds() });

describe('adding from the palette', () => {
  it('adds a field with a generated key, a data schema entry titled by the item, and a layout node', () => {
    const designer = empty();
    expect(designer.add('number')).toEqual({ ok: true });
    const form = doc(designer);
    const [id] = form.layout.root;
    expect(id).toBe('n_a0002');
    expect(form.layout.nodes[id as string]).toEqual({ type: 'field', path: 'number_a0001' });
    expect(form.data.properties.number_a0001).toEqual({
      type: 'number',
      title: { 'zh-CN': '数字', en: 'Number' },
    });
    expect(designer.getState().selection).toEqual([id]);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('gives keys that stay when the label changes, unique among siblings and never reserved', () => {
    let n = 0;
    // A generator that repeats itself and offers a reserved word: keys still come out unique and valid.
    const ids = ['x', 'x', 'x', 'y'];
    const designer = createFormDesigner({
      definition: createEmptyForm('f', 'f'),
      nextId: () => ids[n++ % 4] as string,
    });
    expect(designer.add('text')).toEqual({ ok: true });
    expect(designer.add('text')).toEqual({ ok: true });
    const keys = Object.keys(doc(designer).data.properties);
    expect(keys).toEqual(['text_x', 'text_y']);
    const node = doc(designer).layout.root[0] as string;
    designer.setProperty(node, 'label', { 'zh-CN': '姓名', en: 'Name' });
    expect(Object.keys(doc(designer).data.properties)).toEqual(keys);
    for (const key of keys) expect(isReservedWord(key)).toBe(false);
  });

  it('adds every palette item into an empty form, each keeping the definition valid', () => {
    for (const item of [...FIELD_ITEMS, ...LAYOUT_ITEMS]) {
      if (['column', 'tab', 'step'].includes(item.id)) continue;
      const designer = empty();
      expect(designer.add(item.id), item.id).toEqual({ ok: true });
      const result = designer.toDefinition();
      expect(result.ok ? [] : result.problems, item.id).toEqual([]);
    }
  });

  it('makes columns, tabs and steps with two parts, and adds more parts only inside them', () => {
    const designer = empty();
    designer.add('tabs');
    const tabs = doc(designer).layout.root[0] as string;
    const node = doc(designer).layout.nodes[tabs];
    expect(node).toMatchObject({ type: 'tabs', children: [expect.any(String), expect.any(String)] });
    expect(designer.add('tab', { parent: tabs })).toEqual({ ok: true });
    expect(doc(designer).layout.nodes[tabs]).toMatchObject({ children: { length: 3 } });
    const refused = designer.add('tab', { parent: null });
    expect(refused).toMatchObject({ ok: false, reason: { 'zh-CN': '标签不能放在表单中' } });
    expect(designer.add('textBlock', { parent: tabs })).toMatchObject({ ok: false });
  });

  it('adds a field into a repeating table as a column of its rows', () => {
    const designer = createTestDesigner();
    expect(designer.add('number', { parent: 'table', index: 1 })).toEqual({ ok: true });
    const form = doc(designer);
    const table = form.layout.nodes.table as { children: string[] };
    const id = table.children[1] as string;
    expect(form.layout.nodes[id]).toEqual({ type: 'field', path: 'number_a0001' });
    const row = (form.data.properties.kpis as { items: { properties: Record<string, unknown> } }).items;
    expect(Object.keys(row.properties)).toContain('number_a0001');
    expect(designer.toDefinition().ok).toBe(true);
    expect(designer.add('section', { parent: 'table' })).toMatchObject({ ok: false });
  });

  it('adds a repeating table with its own array field', () => {
    const designer = empty();
    designer.add('repeatingTable');
    const form = doc(designer);
    const id = form.layout.root[0] as string;
    expect(form.layout.nodes[id]).toEqual({ type: 'repeatingTable', path: 'table_a0002', children: [] });
    expect(form.data.properties.table_a0002).toMatchObject({
      type: 'array',
      items: { type: 'object', properties: {} },
    });
    designer.add('number', { parent: id });
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('places a new item after the selection, or inside a selected container that takes it', () => {
    const designer = createTestDesigner();
    designer.select(['statusNode']);
    designer.add('textBlock');
    expect((doc(designer).layout.nodes.basics as { children: string[] }).children[1]).toBe(
      designer.getState().selection[0],
    );
    designer.select(['table']);
    designer.add('number');
    const table = doc(designer).layout.nodes.table as { children: string[] };
    expect(table.children).toHaveLength(6);
  });

  it('has one palette item per id', () => {
    const ids = [...FIELD_ITEMS, ...LAYOUT_ITEMS].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses unknown palette items', () => {
    expect(empty().add('nope')).toMatchObject({ ok: false, reason: { en: 'there is no component nope' } });
  });
});
