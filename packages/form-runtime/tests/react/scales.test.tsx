// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defineForm, field, renderForm } from './support.tsx';

const form = defineForm({
  properties: {
    stars: { type: 'integer', title: '满意度', minimum: 1, maximum: 5 },
    effort: { type: 'integer', title: '投入', minimum: 0, maximum: 10 },
    done: { type: 'number', title: '进度', minimum: 0, maximum: 100 },
    target: { type: 'number', title: '目标' },
    shown: { type: 'number', title: '完成度' },
  },
  nodes: {
    a: field('stars', { widget: 'rating' }),
    b: field('effort', { widget: 'slider' }),
    c: field('done', { widget: 'progress' }),
    d: field('target'),
    e: field('shown', { widget: 'progress' }),
  },
  computed: [{ target: 'shown', formula: 'IF(target > 0, done / target * 100, 0)' }],
});

describe('rating', () => {
  it('picks stars by click and arrow keys, read out as "n 星"', async () => {
    const { engine, user } = renderForm(form);
    const group = screen.getByRole('radiogroup', { name: '满意度' });
    const stars = within(group).getAllByRole('radio');
    expect(stars).toHaveLength(5);
    await user.click(within(group).getByRole('radio', { name: '4 星，满分 5 星' }));
    expect(engine.getValue('stars')).toBe(4);
    await user.keyboard('{ArrowRight}');
    expect(engine.getValue('stars')).toBe(5);
  });

  it('shows filled stars read-only', () => {
    renderForm(form, { readOnly: true, locale: 'en', engineOptions: { value: { stars: 3 } } });
    expect(screen.getByText('★★★☆☆')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByText('3 of 5 stars')).toBeInTheDocument();
  });
});

describe('slider', () => {
  it('is a native range between the schema’s minimum and maximum, its value shown', () => {
    const { engine } = renderForm(form, { engineOptions: { value: { effort: 5 } } });
    const slider = screen.getByRole('slider', { name: '投入' });
    expect(slider).toHaveAttribute('min', '0');
    expect(slider).toHaveAttribute('max', '10');
    expect(slider).toHaveValue('5');
    // jsdom does not step a range input on arrow keys (browsers do); change it as the browser would.
    fireEvent.change(slider, { target: { value: '6' } });
    expect(engine.getValue('effort')).toBe(6);
    expect(slider).toHaveAttribute('aria-valuetext', '6');
    expect(screen.getByText('6', { selector: 'output' })).toBeInTheDocument();
  });
});

describe('progress', () => {
  it('types progress and draws the bar', async () => {
    const { engine, user } = renderForm(form);
    const input = screen.getByRole('textbox', { name: '进度' });
    await user.type(input, '40');
    expect(engine.getValue('done')).toBe(40);
    const bars = screen.getAllByRole('progressbar', { name: '进度' });
    expect(bars[0]).toHaveAttribute('value', '40');
    expect(screen.getByText('40%')).toBeInTheDocument();
  });

  it('shows a computed progress as a bar only, clamped to 0–100', async () => {
    const { user } = renderForm(form, { engineOptions: { value: { done: 30, target: 20 } } });
    const bar = screen.getByRole('progressbar', { name: '完成度' });
    expect(bar).toHaveAttribute('value', '100');
    expect(screen.queryByRole('textbox', { name: '完成度' })).toBeNull();
    await user.clear(screen.getByRole('textbox', { name: '目标' }));
    await user.type(screen.getByRole('textbox', { name: '目标' }), '60');
    expect(screen.getByRole('progressbar', { name: '完成度' })).toHaveAttribute('value', '50');
  });
});
