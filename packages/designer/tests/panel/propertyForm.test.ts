import { createFormEngine } from '@formboard/form-runtime';
import { validateDefinition } from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_WIDGET_PROPERTIES, changedProperties, panelValue, propertyPanel } from '../../src/index.ts';
import { checkInForm, createTestDesigner, doc } from '../fixtures.ts';

describe('property panels', () => {
  it('are valid form definitions, for every node of a form, whose current values pass their own checks', () => {
    const designer = createTestDesigner();
    designer.add('currency', { parent: null });
    designer.add('checkboxes', { parent: null });
    designer.add('textBlock', { parent: null });
    designer.add('columns', { parent: null });
    const form = doc(designer);
    for (const id of Object.keys(form.layout.nodes)) {
      const spec = propertyPanel(form, id, BUILT_IN_WIDGET_PROPERTIES);
      expect(spec, id).toBeDefined();
      if (!spec) continue;
      const checked = validateDefinition(spec.definition);
      expect(checked.ok ? [] : checked.issues.map((i) => `${i.pointer} ${i.message.en}`), id).toEqual([]);
      const engine = createFormEngine(spec.definition, { value: panelValue(form, id, spec.keys) });
      expect(engine.validate(), id).toEqual([]);
    }
  });

  it('edit a field’s label per locale, its options as rows, and its widget’s own props', () => {
    const form = checkInForm();
    const spec = propertyPanel(form, 'statusNode', BUILT_IN_WIDGET_PROPERTIES);
    expect(spec?.keys).toEqual([
      'label',
      'help',
      'placeholder',
      'required',
      'widget',
      'minLength',
      'maxLength',
      'pattern',
      'options',
    ]);
    const value = panelValue(form, 'statusNode', spec?.keys ?? []);
    expect(value).toEqual({
      label: { zh: '状态', en: 'Status' },
      required: true,
      options: [
        { value: 'todo', zh: '未开始', en: 'To do' },
        { value: 'done', zh: '已完成', en: 'Done' },
      ],
    });
    const edited = {
      ...value,
      label: { zh: '状态', en: 'State' },
      options: [{ value: 'todo', zh: '未开始' }],
    };
    expect(changedProperties(value, edited, spec?.keys ?? [])).toEqual([
      ['label', { 'zh-CN': '状态', en: 'State' }],
      ['options', [{ value: 'todo', label: { 'zh-CN': '未开始' } }]],
    ]);
    const currency = propertyPanel(
      {
        ...form,
        layout: {
          ...form.layout,
          nodes: { ...form.layout.nodes, totalNode: { type: 'field', path: 'total', widget: 'currency' } },
        },
      },
      'totalNode',
      BUILT_IN_WIDGET_PROPERTIES,
    );
    expect(currency?.keys).toContain('props.currency');
    expect(currency?.definition.data.properties.props).toMatchObject({
      type: 'object',
      properties: { currency: { type: 'string' } },
    });
  });

  it('give a template pack’s widget a panel from its property schema', () => {
    const form = checkInForm();
    const custom = {
      ...form,
      layout: {
        ...form.layout,
        nodes: {
          ...form.layout.nodes,
          progressNode: { type: 'field' as const, path: 'progress', widget: 'okr:confidence' },
        },
      },
    };
    const spec = propertyPanel(custom, 'progressNode', {
      'okr:confidence': { levels: { type: 'integer', minimum: 3, maximum: 10, title: '档位' } },
    });
    expect(spec?.keys).toContain('props.levels');
    const widget = spec?.definition.data.properties.widget as { oneOf: { const: string }[] };
    expect(widget.oneOf[0]?.const).toBe('okr:confidence');
    expect(validateDefinition(spec?.definition).ok).toBe(true);
  });
});
