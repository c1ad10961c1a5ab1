import { describe, expect, it } from 'vitest';
import { checkInForm, createTestDesigner, doc } from '../fixtures.ts';

describe('removing nodes', () => {
  it('removes a field with its data, rules and messages, and selects its next sibling', () => {
    const designer = createTestDesigner();
    designer.remove(['commentNode']);
    const form = doc(designer);
    expect(form.data.properties.comment).toBeUndefined();
    expect(form.layout.nodes.commentNode).toBeUndefined();
    expect(form.rules).toBeUndefined();
    expect(designer.getState().selection).toEqual(['progressNode']);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('removes a section with everything in it', () => {
    const designer = createTestDesigner();
    designer.select(['basics']);
    designer.removeSelection();
    const form = doc(designer);
    expect(form.layout.root).toEqual(['table', 'totalNode']);
    expect(Object.keys(form.layout.nodes)).not.toContain('statusNode');
    expect(form.data.properties.status).toBeUndefined();
    expect(form.data.required).toBeUndefined();
    expect(form.messages).toBeUndefined();
    expect(form.validations?.[0]?.paths).toBeUndefined();
  });

  it('removes a table with its columns and their computed formulas', () => {
    const designer = createTestDesigner();
    designer.remove(['table']);
    const form = doc(designer);
    expect(form.data.properties.kpis).toBeUndefined();
    expect(form.computed).toEqual([{ target: 'total', formula: 'SUM(kpis[].score)' }]);
    expect(Object.keys(form.layout.nodes)).not.toContain('scoreCol');
  });

  it('leaves formulas that read a removed field, and links the problems to the nodes they concern', () => {
    const designer = createTestDesigner();
    designer.remove(['progressNode']);
    const result = designer.toDefinition();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const unknown = result.problems.filter((p) => p.code === 'formula.unknownField');
    expect(unknown.map((p) => [p.pointer, p.nodeId, p.fieldPath])).toEqual([
      ['/rules/0/visible', 'commentNode', 'comment'],
      ['/validations/0/formula', undefined, undefined],
    ]);
    designer.undo();
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('keeps the data of a field another node still shows', () => {
    const form = checkInForm();
    const twice = {
      ...form,
      layout: {
        root: [...form.layout.root, 'statusAgain'],
        nodes: {
          ...form.layout.nodes,
          statusAgain: { type: 'field' as const, path: 'status', widget: 'radio' },
        },
      },
    };
    const designer = createTestDesigner(twice);
    designer.remove(['statusNode']);
    expect(doc(designer).data.properties.status).toBeDefined();
    expect(designer.toDefinition().ok).toBe(true);
    designer.remove(['statusAgain']);
    expect(doc(designer).data.properties.status).toBeUndefined();
  });
});
