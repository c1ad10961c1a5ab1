// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryOptionSource } from '../../src/index.ts';
import { defineForm, field, renderForm, scorecardDefinition } from './support.tsx';

const record = {
  employee: 'u-zhang',
  period: '2026-11-01',
  status: 'submitted',
  kpis: [
    { name: '交付准时率', weight: 60, target: 100, actual: 90 },
    { name: '一次合格率', weight: 40, target: 100, actual: 130 },
  ],
  comment: '表现稳定\n继续保持',
  reviewer: { name: '王经理' },
};
const directory = {
  users: createMemoryOptionSource([{ id: 'u-zhang', label: '张三' }]),
  orgUnits: createMemoryOptionSource([]),
};

describe('read-only / print mode', () => {
  it('shows a submitted record as text, with no inputs and no submit button', async () => {
    const { container } = renderForm(scorecardDefinition(), {
      readOnly: true,
      host: { directory },
      engineOptions: { value: record },
    });
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('article', { name: 'KPI 计分卡' })).toBeInTheDocument();
    expect(await screen.findByText('张三')).toBeInTheDocument();
    expect(container).toHaveTextContent('考核月份2026年11月1日');
    expect(container).toHaveTextContent('状态已提交');
    expect(screen.getByText('表现稳定\n继续保持', { normalizer: (t) => t })).toHaveClass(
      'fb-value-multiline',
    );
    expect(container).toHaveTextContent('得分102');
    expect(container).toHaveTextContent('评审人王经理');
  });

  it('shows table rows without row buttons, with formatted cells and totals', () => {
    renderForm(scorecardDefinition(), { readOnly: true, engineOptions: { value: record } });
    const table = screen.getByRole('table', { name: '指标' });
    expect(table).toHaveTextContent('交付准时率60%10090');
    expect(table).toHaveTextContent('合计100%');
    expect(screen.queryByRole('columnheader', { name: '操作' })).toBeNull();
  });

  it('prints every tab and step one after the other, and marks empty fields', () => {
    const form = defineForm({
      properties: {
        a: { type: 'string', title: '甲' },
        b: { type: 'number', title: '乙' },
        c: { type: 'boolean', title: '丙' },
      },
      root: ['tabs', 'wizard'],
      nodes: {
        tabs: { type: 'tabs', children: ['t1', 't2'] },
        t1: { type: 'tab', title: '第一页', children: ['fa'] },
        t2: { type: 'tab', title: '第二页', children: ['fb'] },
        wizard: { type: 'steps', children: ['s1'] },
        s1: { type: 'step', title: '确认', children: ['fc'] },
        fa: field('a'),
        fb: field('b'),
        fc: field('c'),
      },
    });
    renderForm(form, { readOnly: true, engineOptions: { value: { b: 1234567.5, c: true } } });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      '第一页',
      '第二页',
      '确认',
    ]);
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.getByText('1,234,567.5')).toBeInTheDocument();
    expect(screen.getByText('是')).toBeInTheDocument();
    expect(screen.getByText('未填写')).toHaveClass('fb-visually-hidden');
  });
});
