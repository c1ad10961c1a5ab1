import { describe, expect, it } from 'vitest';
import { createTestDesigner, doc } from '../fixtures.ts';

const children = (designer: ReturnType<typeof createTestDesigner>, id: string) =>
  (doc(designer).layout.nodes[id] as { children: string[] }).children;

describe('moving nodes', () => {
  it('reorders within a container (the index counts the children without the moved ones)', () => {
    const designer = createTestDesigner();
    expect(designer.move(['statusNode'], { parent: 'basics', index: 2 })).toEqual({ ok: true });
    expect(children(designer, 'basics')).toEqual(['progressNode', 'commentNode', 'statusNode']);
    expect(designer.getState().selection).toEqual(['statusNode']);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('moves several nodes together, in page order, between containers', () => {
    const designer = createTestDesigner();
    designer.move(['totalNode', 'statusNode'], { parent: null, index: 0 });
    expect(doc(designer).layout.root).toEqual(['statusNode', 'totalNode', 'basics', 'table']);
    expect(children(designer, 'basics')).toEqual(['progressNode', 'commentNode']);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('moves a section with what it holds, and never into itself', () => {
    const designer = createTestDesigner();
    designer.add('section', { parent: null });
    const inner = doc(designer).layout.root[3] as string;
    designer.move([inner], { parent: 'basics', index: 0 });
    expect(children(designer, 'basics')[0]).toBe(inner);
    expect(designer.move(['basics'], { parent: inner })).toMatchObject({
      ok: false,
      reason: { en: 'a component cannot be moved into itself' },
    });
    expect(designer.move(['basics', 'statusNode'], { parent: null, index: 0 })).toEqual({ ok: true });
    expect(children(designer, 'basics')).toContain('statusNode');
  });

  it('reorders the columns of a repeating table', () => {
    const designer = createTestDesigner();
    designer.move(['scoreCol'], { parent: 'table', index: 0 });
    expect(children(designer, 'table')[0]).toBe('scoreCol');
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('moves an unused field into a table with its data, and back out', () => {
    const designer = createTestDesigner();
    designer.add('date', { parent: null });
    const id = designer.getState().selection[0] as string;
    const key = 'date_a0001';
    expect(designer.move([id], { parent: 'table', index: 1 })).toEqual({ ok: true });
    const kpis = doc(designer).data.properties.kpis as { items: { properties: Record<string, unknown> } };
    expect(Object.keys(kpis.items.properties)).toContain(key);
    expect(doc(designer).data.properties[key]).toBeUndefined();
    expect(designer.toDefinition().ok).toBe(true);
    expect(designer.move([id], { parent: 'basics' })).toEqual({ ok: true });
    expect(doc(designer).data.properties[key]).toMatchObject({ type: 'string', format: 'date' });
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('refuses to move a field used by formulas into or out of a table, saying why', () => {
    const designer = createTestDesigner();
    const result = designer.move(['progressNode'], { parent: 'table' });
    expect(result).toMatchObject({ ok: false, reason: { 'zh-CN': expect.stringContaining('progress') } });
    expect(designer.move(['weightCol'], { parent: null })).toMatchObject({ ok: false });
  });

  it('refuses nodes a container cannot hold', () => {
    const designer = createTestDesigner();
    expect(designer.move(['basics'], { parent: 'table' })).toMatchObject({
      ok: false,
      reason: { 'zh-CN': '分组不能放在明细表格中', en: 'a section cannot go into a repeating table' },
    });
    expect(doc(designer).layout.root).toEqual(['basics', 'table', 'totalNode']);
  });

  it('refuses a column move into a table whose rows already have that key', () => {
    const designer = createTestDesigner();
    designer.add('number', { parent: null });
    const id = designer.getState().selection[0] as string;
    designer.renameKey(id, 'name');
    expect(designer.move([id], { parent: 'table' })).toMatchObject({
      ok: false,
      reason: { en: 'kpis[] already has a field name; change one of the keys first' },
    });
  });
});
