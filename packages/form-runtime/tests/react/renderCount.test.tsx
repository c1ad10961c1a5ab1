// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import {
  createDefaultWidgetRegistry,
  createFormEngine,
  FormRenderer,
  type WidgetProps,
} from '../../src/index.ts';
import { NumberWidget } from '../../src/react/widgets/NumberWidget.tsx';
import { TextWidget } from '../../src/react/widgets/TextWidget.tsx';
import { defineForm, scorecardDefinition } from './support.tsx';

const FIELDS = 200;

/** 200 number fields; `total` = f0 + f1 (computed); f5 becomes required when f0 > 100 (a rule). */
function bigForm() {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < FIELDS; i++) properties[`f${i}`] = { type: 'number', title: `字段 ${i}` };
  properties.total = { type: 'number', title: '合计' };
  return defineForm({
    properties,
    computed: [{ target: 'total', formula: 'f0 + f1' }],
    rules: [{ target: 'f5', required: 'f0 > 100' }],
  });
}

/** A registry whose every field counts its renders by path. */
function countingRegistry(renders: Map<string, number>) {
  const registry = createDefaultWidgetRegistry();
  registry.register({
    name: 'counted',
    test: () => 100,
    component: (props: WidgetProps) => {
      renders.set(props.path, (renders.get(props.path) ?? 0) + 1);
      return <NumberWidget {...props} />;
    },
  });
  return registry;
}

describe('render count', () => {
  it('re-renders only the typed field and the fields that depend on it', { timeout: 20000 }, async () => {
    const renders = new Map<string, number>();
    const registry = countingRegistry(renders);
    let commits = 0;
    const engine = createFormEngine(bigForm());
    render(
      <Profiler id="form" onRender={() => (commits += 1)}>
        <FormRenderer engine={engine} widgets={registry} />
      </Profiler>,
    );
    expect(renders.size).toBe(FIELDS + 1);
    expect([...renders.values()].every((n) => n === 1)).toBe(true);
    renders.clear();
    commits = 0;

    const user = userEvent.setup();
    // Found through its label element: role queries over 200 fields are slow in jsdom.
    const label = screen.getByText('字段 0', { selector: 'label' }) as HTMLLabelElement;
    const input = document.getElementById(label.htmlFor) as HTMLInputElement;
    expect(input).toHaveAccessibleName('字段 0');
    await user.type(input, '123');

    expect(engine.getValue('total')).toBe(123);
    expect(engine.getFieldState('f5').required).toBe(true);
    // Three keystrokes: f0 renders 3 times, the computed total 3 times (1, 12, 123), f5 once (when
    // its rule flips at 123 > 100); the other 198 fields not at all. One commit per keystroke.
    expect(Object.fromEntries(renders)).toEqual({ f0: 3, total: 3, f5: 1 });
    expect(commits).toBe(3);
  });

  it('typing in a table cell re-renders that cell and its row’s and form’s computed values, not the table', async () => {
    const renders = new Map<string, number>();
    const engine = createFormEngine(scorecardDefinition(), {
      value: {
        kpis: [
          { name: '甲', weight: 60, target: 100, actual: 90 },
          { name: '乙', weight: 40, target: 100, actual: 80 },
        ],
      },
    });
    render(<FormRenderer engine={engine} widgets={countingRegistry(renders)} />);
    renders.clear();
    const label = screen.getByText('实际值（第 1 行）', { selector: 'label' }) as HTMLLabelElement;
    await userEvent.setup().type(document.getElementById(label.htmlFor) as HTMLInputElement, '5');
    expect(engine.getValue('kpis[0].rowScore')).toBe(72);
    expect(Object.fromEntries(renders)).toEqual({ 'kpis[0].actual': 1, 'kpis[0].rowScore': 1, score: 1 });
  });

  it('does not re-render a text field for its own key presses, yet shows errors and values set elsewhere', async () => {
    let renders = 0;
    const registry = createDefaultWidgetRegistry();
    // The built-in text input, counted: it keeps what is typed (keepsInput), as the built-in does.
    registry.register({
      name: 'countedText',
      test: () => 100,
      keepsInput: true,
      component: (props: WidgetProps) => {
        renders += 1;
        return <TextWidget {...props} />;
      },
    });
    const engine = createFormEngine(
      defineForm({ properties: { code: { type: 'string', title: '代码', pattern: '^[a-z]*$' } } }),
      { validateOn: 'change' },
    );
    render(<FormRenderer engine={engine} widgets={registry} />);
    const input = screen.getByRole('textbox', { name: '代码' }) as HTMLInputElement;
    renders = 0;
    const user = userEvent.setup();

    await user.type(input, 'abc');
    expect(engine.getValue('code')).toBe('abc');
    expect(input.value).toBe('abc');
    expect(renders).toBe(0);

    // A key press that brings an error re-renders the field (the error is shown), and so does the one
    // that takes it away; the typed text stays as typed.
    await user.type(input, '1');
    expect(input).toHaveAccessibleDescription('格式不正确');
    await user.type(input, '{Backspace}');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input.value).toBe('abc');
    expect(renders).toBe(2);

    // Values set elsewhere are shown: by the engine, by a reset.
    act(() => engine.setValue('code', 'xyz'));
    expect(input.value).toBe('xyz');
    act(() => engine.reset());
    expect(input.value).toBe('');
    await user.type(input, 'q');
    expect(input.value).toBe('q');
    expect(engine.getValue('code')).toBe('q');
  });
});
