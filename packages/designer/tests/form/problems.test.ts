import { describe, expect, it } from 'vitest';
import type { Form } from '../../src/index.ts';
import { checkInForm, createTestDesigner } from '../fixtures.ts';

function problemsOf(form: Form) {
  const result = createTestDesigner(form).toDefinition();
  return result.ok
    ? []
    : result.problems.map((p) => ({ code: p.code, nodeId: p.nodeId, fieldPath: p.fieldPath }));
}

describe('toDefinition', () => {
  it('gives the valid definition itself', () => {
    const designer = createTestDesigner();
    const result = designer.toDefinition();
    expect(result).toEqual({ ok: true, definition: designer.getState().document });
  });

  it('links layout problems to their node and field', () => {
    const form = checkInForm();
    const bad: Form = {
      ...form,
      layout: {
        ...form.layout,
        nodes: { ...form.layout.nodes, progressNode: { type: 'field', path: 'progress', widget: 'switch' } },
      },
    };
    expect(problemsOf(bad)).toEqual([
      { code: 'layout.widgetMismatch', nodeId: 'progressNode', fieldPath: 'progress' },
    ]);
  });

  it('links data schema problems (table columns too) to the node showing the field', () => {
    const form = checkInForm();
    const kpis = form.data.properties.kpis as {
      items: { properties: Record<string, object>; required: string[] };
    };
    const bad: Form = {
      ...form,
      data: {
        ...form.data,
        properties: {
          ...form.data.properties,
          kpis: { ...kpis, items: { ...kpis.items, required: ['name', 'missing'] } },
        } as unknown as Form['data']['properties'],
      },
    };
    expect(problemsOf(bad)).toEqual([{ code: 'data.unknownRequired', nodeId: 'table', fieldPath: 'kpis' }]);
  });

  it('links formula problems to the field of the rule or computed value', () => {
    const form = checkInForm();
    const bad: Form = {
      ...form,
      computed: [{ target: 'kpis[].score', formula: 'weight * actul' }, ...(form.computed ?? []).slice(1)],
    };
    expect(problemsOf(bad)).toEqual([
      { code: 'formula.unknownField', nodeId: 'scoreCol', fieldPath: 'kpis[].score' },
    ]);
  });

  it('reports form-level problems without a node', () => {
    const form = checkInForm();
    expect(problemsOf({ ...form, id: 'Bad Id' })).toEqual([
      { code: 'schema.pattern', nodeId: undefined, fieldPath: undefined },
    ]);
  });
});
