// @vitest-environment jsdom

import { indexFields } from '@formboard/schema';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  createDefaultWidgetRegistry,
  createWidgetRegistry,
  defaultWidgetRegistry,
  rankWith,
  registerWidget,
  type WidgetProps,
} from '../../src/index.ts';
import { defineForm, field, renderForm } from './support.tsx';

function Confidence(props: WidgetProps) {
  return (
    <input
      id={props.id}
      type="range"
      min={0}
      max={10}
      value={typeof props.value === 'number' ? props.value : 0}
      onChange={(e) => props.onChange(Number(e.target.value))}
      data-testid="confidence"
    />
  );
}

const data = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    status: { type: 'string', enum: ['a', 'b'] },
    day: { type: 'string', format: 'date' },
    score: { type: 'number' },
    done: { type: 'boolean' },
    picks: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['x', 'y'] } },
    free: { type: 'array', uniqueItems: true, items: { type: 'string' } },
  },
} as const;
const fields = indexFields(data as never).fields;
const pick = (path: string, node: Record<string, unknown> = {}, computed = false) => {
  const info = fields.get(path);
  if (!info) throw new Error(path);
  return defaultWidgetRegistry.resolve(info, { type: 'field', path, ...node }, { computed })?.name;
};

describe('widget registry', () => {
  it('picks the best-ranked built-in widget for each kind of field', () => {
    expect(pick('title')).toBe('text');
    expect(pick('status')).toBe('select');
    expect(pick('day')).toBe('date');
    expect(pick('score')).toBe('number');
    expect(pick('done')).toBe('switch');
    expect(pick('picks')).toBe('checkboxes');
    expect(pick('free')).toBe('multiSelect');
    expect(pick('score', {}, true)).toBe('computed');
    expect(pick('score', { widget: 'progress' })).toBe('progress');
  });

  it('lets the node’s explicit widget win, and falls back to testers for an unknown one', () => {
    expect(pick('status', { widget: 'radio' })).toBe('radio');
    expect(pick('score', { widget: 'rating' }, true)).toBe('rating');
    expect(pick('title', { widget: 'okr:missing' })).toBe('text');
  });

  it('registers a pack widget by name, and removes it again', () => {
    const registry = createDefaultWidgetRegistry();
    const remove = registry.register({ name: 'okr:confidence', component: Confidence });
    const info = fields.get('score');
    if (!info) throw new Error('score');
    expect(
      registry.resolve(info, { type: 'field', path: 'score', widget: 'okr:confidence' }, { computed: false })
        ?.name,
    ).toBe('okr:confidence');
    remove();
    expect(registry.get('okr:confidence')).toBeUndefined();
  });

  it('ranks a registered tester against the built-ins; later registrations win ties', () => {
    const registry = createWidgetRegistry();
    registry.register({
      name: 'plain',
      component: Confidence,
      test: rankWith(1, (f) => f.kind === 'number'),
    });
    registry.register({
      name: 'better',
      component: Confidence,
      test: rankWith(5, (f) => f.kind === 'number'),
    });
    registry.register({ name: 'tie', component: Confidence, test: rankWith(5, (f) => f.kind === 'number') });
    const info = fields.get('score');
    const title = fields.get('title');
    if (!info || !title) throw new Error('fields');
    expect(registry.resolve(info, { type: 'field', path: 'score' }, { computed: false })?.name).toBe('tie');
    expect(registry.resolve(title, { type: 'field', path: 'title' }, { computed: false })).toBeUndefined();
  });

  it('renders a pack widget registered with registerWidget, with ready props', async () => {
    const remove = registerWidget({ name: 'okr:confidence', component: Confidence });
    try {
      const form = defineForm({
        properties: { confidence: { type: 'integer', title: '信心指数', minimum: 0, maximum: 10 } },
        nodes: { f: field('confidence', { widget: 'okr:confidence' }) },
      });
      const { engine } = renderForm(form);
      const slider = screen.getByRole('slider', { name: '信心指数' });
      expect(slider).toBe(screen.getByTestId('confidence'));
      const { fireEvent } = await import('@testing-library/react');
      fireEvent.change(slider, { target: { value: '7' } });
      expect(engine.getValue('confidence')).toBe(7);
    } finally {
      remove();
    }
  });

  it('uses the registry it is given instead of the shared one', () => {
    const registry = createDefaultWidgetRegistry();
    registry.register({
      name: 'shout',
      component: (p) => <output id={p.id}>{String(p.value).toUpperCase()}</output>,
      test: () => 50,
    });
    const form = defineForm({ properties: { title: { type: 'string', title: '标题' } } });
    renderForm(form, { widgets: registry, engineOptions: { value: { title: 'okr' } } });
    expect(screen.getByText('OKR').tagName).toBe('OUTPUT');
  });
});
