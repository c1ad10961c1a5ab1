import { describe, expect, it } from 'vitest';
import { createEmptyForm, createFormDesigner } from '../../src/index.ts';
import { countingIds, createTestDesigner, doc } from '../fixtures.ts';

describe('copy, cut, paste and duplicate of form components', () => {
  it('duplicates a field after itself with a new key and node id, data and required flag included', () => {
    const designer = createTestDesigner();
    designer.select(['statusNode']);
    expect(designer.duplicate()).toEqual({ ok: true });
    const [copy] = designer.getState().selection;
    const basics = doc(designer).layout.nodes.basics as { children: string[] };
    expect(basics.children).toEqual(['statusNode', copy, 'progressNode', 'commentNode']);
    const node = doc(designer).layout.nodes[copy as string] as { path: string };
    expect(node.path).toMatch(/^status_[0-9a-z]{5}$/);
    expect(doc(designer).data.properties[node.path]).toEqual(doc(designer).data.properties.status);
    expect(doc(designer).data.required).toEqual(['status', node.path]);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('copies a section with its fields into another form through JSON text, keeping free keys', () => {
    const source = createTestDesigner();
    source.select(['basics']);
    const text = source.copy() as string;
    expect(typeof text).toBe('string');
    const target = createFormDesigner({
      definition: createEmptyForm('other', '其他'),
      nextId: countingIds(),
    });
    expect(target.paste(text)).toEqual({ ok: true });
    const form = doc(target);
    expect(Object.keys(form.data.properties)).toEqual(['status', 'progress', 'comment']);
    expect(form.data.required).toEqual(['status']);
    expect(form.layout.root).toHaveLength(1);
    expect(target.toDefinition().ok).toBe(true);
  });

  it('copies a table with its columns, and a column alone into the same table', () => {
    const designer = createTestDesigner();
    designer.select(['table']);
    designer.duplicate();
    const copy = designer.getState().selection[0] as string;
    expect(doc(designer).layout.nodes[copy]).toMatchObject({
      type: 'repeatingTable',
      path: expect.stringMatching(/^kpis_/),
    });
    expect(designer.toDefinition().ok).toBe(true);
    designer.select(['weightCol']);
    designer.duplicate();
    const table = doc(designer).layout.nodes.table as { children: string[] };
    expect(table.children).toHaveLength(6);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('cuts in one undo step and pastes at the end of the form when nothing is selected', () => {
    const designer = createTestDesigner();
    designer.select(['totalNode']);
    const before = doc(designer);
    designer.cut();
    expect(doc(designer).layout.root).toEqual(['basics', 'table']);
    designer.select([]);
    designer.paste();
    expect(doc(designer).layout.root).toHaveLength(3);
    expect(doc(designer).data.properties.total).toBeDefined();
    designer.undo();
    designer.undo();
    expect(doc(designer)).toBe(before);
  });

  it('refuses clipboard text that is not a valid form fragment', () => {
    const designer = createTestDesigner();
    const forged = JSON.stringify({
      format: 'formboard/clipboard',
      version: 1,
      kind: 'form',
      payload: { kind: 'form', layout: { root: ['x'] } },
    });
    expect(designer.paste(forged)).toMatchObject({
      ok: false,
      reason: { en: 'the clipboard does not hold valid form components' },
    });
    expect(designer.paste('{"not":"ours"}')).toMatchObject({ ok: false });
  });

  it('pastes a column into a table only; elsewhere it becomes a field of the record', () => {
    const designer = createTestDesigner();
    designer.select(['weightCol']);
    const text = designer.copy();
    designer.select(['statusNode']);
    designer.paste(text);
    const pasted = designer.getState().selection[0] as string;
    expect(doc(designer).layout.nodes[pasted]).toEqual({ type: 'field', path: 'weight' });
    expect(doc(designer).data.properties.weight).toMatchObject({ type: 'number' });
    expect(designer.toDefinition().ok).toBe(true);
  });
});
