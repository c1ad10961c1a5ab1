// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { columnSpans } from '../../src/react/layout/Columns.tsx';
import { defineForm, field, renderForm } from './support.tsx';

const properties = {
  a: { type: 'string', title: '甲' },
  b: { type: 'string', title: '乙' },
  c: { type: 'string', title: '丙' },
  d: { type: 'string', title: '丁' },
};

describe('section', () => {
  const form = defineForm({
    properties,
    root: ['s1'],
    nodes: {
      s1: {
        type: 'section',
        title: '基本信息',
        description: '请如实填写',
        collapsible: true,
        children: ['fa'],
      },
      fa: field('a'),
    },
  });

  it('is a titled region whose title button collapses and expands it', async () => {
    const { user } = renderForm(form);
    const region = screen.getByRole('region', { name: '基本信息' });
    expect(within(region).getByText('请如实填写')).toBeVisible();
    const toggle = screen.getByRole('button', { name: '基本信息' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('textbox', { name: '甲' })).toBeNull();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: '甲' })).toBeVisible();
  });
});

describe('sections far from the viewport', () => {
  it('size their placeholder by their lines: fields, table rows, the longest column', () => {
    const form = defineForm({
      properties: {
        ...properties,
        rows: { type: 'array', items: { type: 'object', properties: { x: { type: 'string' } } } },
      },
      root: ['s1', 's2'],
      nodes: {
        s1: { type: 'section', title: '一', children: ['fa', 'cols'] },
        cols: { type: 'columns', children: ['c1', 'c2'] },
        c1: { type: 'column', children: ['fb', 'fc'] },
        c2: { type: 'column', children: ['fd'] },
        s2: { type: 'section', title: '二', children: ['table'] },
        table: { type: 'repeatingTable', path: 'rows', children: ['fx'] },
        fa: field('a'),
        fb: field('b'),
        fc: field('c'),
        fd: field('d'),
        fx: field('x'),
      },
    });
    renderForm(form, { engineOptions: { value: { rows: [{ x: '1' }, { x: '2' }, { x: '3' }] } } });
    const lines = (name: string) =>
      screen.getByRole('region', { name }).style.getPropertyValue('--fb-section-lines');
    expect(lines('一')).toBe('3');
    expect(lines('二')).toBe('4');
  });

  it('are skipped by the stylesheet, except the one holding the focus and in print', () => {
    const css = readFileSync(join(import.meta.dirname, '../../src/react/formboard.css'), 'utf8');
    expect(css).toMatch(
      /\.fb-section \{[^}]*content-visibility: auto;\s*contain-intrinsic-block-size: auto calc\(var\(--fb-section-lines, 10\)/,
    );
    expect(css).toMatch(/\.fb-section:focus-within \{\s*content-visibility: visible;/);
    expect(css).toMatch(/@media print \{[^@]*\.fb-section \{\s*content-visibility: visible;/);
  });
});

describe('columns', () => {
  it('shares the 24-column grid between columns without a span', () => {
    expect(columnSpans([8, undefined, undefined])).toEqual([8, 8, 8]);
    expect(columnSpans([undefined, undefined])).toEqual([12, 12]);
    expect(columnSpans([16, 8])).toEqual([16, 8]);
  });

  it('lays fields out side by side, one column on narrow screens', () => {
    const form = defineForm({
      properties,
      root: ['cols'],
      nodes: {
        cols: { type: 'columns', children: ['c1', 'c2'] },
        c1: { type: 'column', span: 16, children: ['fa', 'fb'] },
        c2: { type: 'column', children: ['fc'] },
        fa: field('a'),
        fb: field('b'),
        fc: field('c'),
      },
    });
    const { container } = renderForm(form);
    const columns = container.querySelectorAll<HTMLElement>('.fb-columns > .fb-column');
    expect([...columns].map((c) => c.style.getPropertyValue('--fb-span'))).toEqual(['16', '8']);
    expect(within(columns[0] as HTMLElement).getAllByRole('textbox')).toHaveLength(2);
    const css = readFileSync(join(import.meta.dirname, '../../src/react/formboard.css'), 'utf8');
    expect(css).toMatch(
      /@container \(max-width: 640px\) \{\s*\.fb-columns > \.fb-column \{\s*grid-column: 1 \/ -1;/,
    );
  });
});

describe('tabs', () => {
  const form = defineForm({
    properties,
    root: ['tabs'],
    nodes: {
      tabs: { type: 'tabs', children: ['t1', 't2', 't3'] },
      t1: { type: 'tab', title: '目标', children: ['fa'] },
      t2: { type: 'tab', title: '结果', children: ['fb'] },
      t3: { type: 'tab', title: '评语', children: ['fc'] },
      fa: field('a'),
      fb: field('b'),
      fc: field('c'),
    },
  });

  it('shows one panel at a time; a click opens another', async () => {
    const { user } = renderForm(form);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['目标', '结果', '评语']);
    expect(screen.getByRole('tabpanel', { name: '目标' })).toBeVisible();
    expect(screen.queryByRole('textbox', { name: '乙' })).toBeNull();
    await user.click(screen.getByRole('tab', { name: '结果' }));
    expect(screen.getByRole('tab', { name: '结果' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: '结果' })).toContainElement(
      screen.getByRole('textbox', { name: '乙' }),
    );
  });

  it('moves between tabs with arrows, Home and End (roving focus)', async () => {
    const { user } = renderForm(form);
    await user.tab();
    expect(screen.getByRole('tab', { name: '目标' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: '结果' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: '结果' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: '评语' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: '目标' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('textbox', { name: '甲' })).toHaveFocus();
  });
});

describe('steps', () => {
  const form = defineForm({
    properties,
    required: ['a', 'b'],
    root: ['wizard'],
    nodes: {
      wizard: { type: 'steps', children: ['s1', 's2'] },
      s1: { type: 'step', title: '填写目标', children: ['fa', 'fd'] },
      s2: { type: 'step', title: '自评', children: ['fb', 'fc'] },
      fa: field('a'),
      fd: field('d'),
      fb: field('b'),
      fc: field('c'),
    },
  });

  it('checks the step before moving on, focusing its first invalid field', async () => {
    const { user } = renderForm(form);
    expect(screen.getByRole('heading', { name: /填写目标/ })).toHaveTextContent('第 1 步，共 2 步');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    const a = screen.getByRole('textbox', { name: '甲' });
    expect(a).toHaveFocus();
    expect(a).toHaveAccessibleDescription('此项必填');
    expect(screen.queryByRole('textbox', { name: '乙' })).toBeNull();
    expect(screen.getByText('填写目标', { selector: 'li' })).toHaveAttribute('aria-current', 'step');
  });

  it('moves on when the step is valid, goes back, and submits from the last step', async () => {
    const submitted: unknown[] = [];
    const { user } = renderForm(form, { onSubmit: (value) => submitted.push(value) });
    await user.type(screen.getByRole('textbox', { name: '甲' }), '降本 5%');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getByRole('heading', { name: /自评/ })).toHaveFocus();
    expect(screen.queryByRole('button', { name: '下一步' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '上一步' }));
    expect(screen.getByRole('textbox', { name: '甲' })).toHaveValue('降本 5%');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(submitted).toEqual([]);
    expect(screen.getByRole('textbox', { name: '乙' })).toHaveFocus();
    await user.keyboard('完成');
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(submitted).toEqual([{ a: '降本 5%', b: '完成' }]);
  });
});
