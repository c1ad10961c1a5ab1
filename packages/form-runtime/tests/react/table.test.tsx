// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderForm, scorecardDefinition } from './support.tsx';

const kpis = [
  { name: '交付准时率', weight: 60, target: 100, actual: 90 },
  { name: '一次合格率', weight: 40, target: 100, actual: 130 },
];
const start = () =>
  renderForm(scorecardDefinition(), {
    engineOptions: { value: { employee: 'u-1', period: '2026-11-01', kpis } },
  });
const names = () =>
  screen.getAllByRole('textbox', { name: /^指标名称/ }).map((input) => (input as HTMLInputElement).value);

describe('repeating table', () => {
  it('renders rows of cells under column headers, each cell labelled with its row', () => {
    start();
    const table = screen.getByRole('table', { name: '指标' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['序号', '指标名称*', '权重*', '目标值*', '实际值', '单项得分', '操作']);
    expect(screen.getByRole('textbox', { name: '权重（第 2 行）' })).toHaveValue('40');
    expect(screen.getByRole('status', { name: '单项得分（第 1 行）' })).toHaveTextContent('54');
  });

  it('types into a cell, recomputing the row and the column totals', async () => {
    const { engine, user } = start();
    const actual = screen.getByRole('textbox', { name: '实际值（第 1 行）' });
    await user.clear(actual);
    await user.type(actual, '50');
    expect(engine.getValue('kpis[0].rowScore')).toBe(30);
    expect(screen.getByRole('status', { name: '单项得分（第 1 行）' })).toHaveTextContent('30');
    const footer = within(screen.getByRole('table', { name: '指标' })).getAllByRole('rowgroup')[2];
    const totals = within(footer as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(totals).toEqual(['', '100%', '200', '180', '78', '']);
  });

  it('adds a row and focuses its first cell; removes a row and keeps focus in the table', async () => {
    const { engine, user } = start();
    await user.click(screen.getByRole('button', { name: '添加一行' }));
    expect(engine.getValue('kpis')).toHaveLength(3);
    expect(screen.getByRole('textbox', { name: '指标名称（第 3 行）' })).toHaveFocus();
    await user.keyboard('员工流失率');
    expect(engine.getValue('kpis[2].name')).toBe('员工流失率');
    await user.click(screen.getByRole('button', { name: '删除第 1 行' }));
    expect(names()).toEqual(['一次合格率', '员工流失率']);
    expect(screen.getByRole('button', { name: '删除第 1 行' })).toHaveFocus();
  });

  it('reorders rows with the keyboard, focus following the moved row', async () => {
    const { engine, user } = start();
    screen.getByRole('button', { name: '下移第 1 行' }).focus();
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['一次合格率', '交付准时率']);
    expect(engine.getValue('kpis[1].rowScore')).toBe(54);
    expect(screen.getByRole('button', { name: '上移第 2 行' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['交付准时率', '一次合格率']);
    expect(screen.getByRole('button', { name: '上移第 1 行' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '下移第 2 行' })).toBeDisabled();
  });

  it('duplicates a row', async () => {
    const { engine, user } = start();
    await user.click(screen.getByRole('button', { name: '复制第 2 行' }));
    expect(names()).toEqual(['交付准时率', '一次合格率', '一次合格率']);
    expect(engine.getValue('totalWeight')).toBe(140);
  });

  it('keeps a cell’s error with its row when rows move', async () => {
    const { user } = start();
    const weight = screen.getByRole('textbox', { name: '权重（第 2 行）' });
    await user.clear(weight);
    await user.type(weight, '500');
    await user.tab();
    expect(weight).toHaveAccessibleDescription('% 不能大于 100');
    await user.click(screen.getByRole('button', { name: '上移第 2 行' }));
    expect(screen.getByRole('textbox', { name: '权重（第 1 行）' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: '权重（第 2 行）' })).not.toHaveAttribute('aria-invalid');
  });

  it('shows table-wide problems (weights must add up) under the table on submit', async () => {
    const { user } = start();
    await user.click(screen.getByRole('button', { name: '删除第 2 行' }));
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(screen.getByRole('button', { name: '添加一行' })).toHaveAccessibleDescription(
      '各指标权重合计须为 100%',
    );
  });

  it('shows "at least one row" on an empty table after submit', async () => {
    const { user } = renderForm(scorecardDefinition());
    expect(screen.getByText('还没有数据')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(screen.getByRole('button', { name: '添加一行' })).toHaveAccessibleDescription(
      '此项必填 各指标权重合计须为 100%',
    );
  });
});
