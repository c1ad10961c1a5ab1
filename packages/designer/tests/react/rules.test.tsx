// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkInForm } from '../fixtures.ts';
import { docOf, renderDesigner } from './renderDesigner.tsx';

const rule = (name: string) => screen.getByRole('group', { name });

describe('the rule builder', () => {
  it('shows a rule the builder wrote as conditions, and edits them into a formula', async () => {
    const { user, designer } = renderDesigner();
    act(() => designer.select(['commentNode']));
    const show = rule('显示条件');
    expect(within(show).getByRole('combobox', { name: '字段 1' })).toHaveDisplayValue('状态');
    expect(within(show).getByRole('combobox', { name: '值 1' })).toHaveDisplayValue('已完成');
    expect(within(show).getByRole('combobox', { name: '比较 2' })).toHaveDisplayValue('小于');
    expect(within(show).getByRole('spinbutton', { name: '值 2' })).toHaveValue(50);
    await user.selectOptions(within(show).getByRole('combobox', { name: '值 1' }), '未开始');
    expect(docOf(designer).rules?.[0]?.visible).toBe('status = "todo" AND progress < 50');
    await user.selectOptions(
      within(show).getByRole('combobox', { name: '显示条件: 全部满足 / 任一满足' }),
      '任一满足',
    );
    expect(docOf(designer).rules?.[0]?.visible).toBe('status = "todo" OR progress < 50');
    await user.click(within(show).getByRole('button', { name: '删除条件 2' }));
    await user.click(within(show).getByRole('button', { name: '删除条件 1' }));
    expect(docOf(designer).rules).toBeUndefined();
    expect(within(rule('显示条件')).getByText('不设条件')).toBeInTheDocument();
  });

  it('adds a condition on a field, with the comparisons that fit its type', async () => {
    const { user, designer } = renderDesigner();
    act(() => designer.select(['totalNode']));
    const required = rule('必填条件');
    await user.click(within(required).getByRole('button', { name: '添加条件' }));
    await user.selectOptions(within(required).getByRole('combobox', { name: '字段 1' }), '进度');
    const operators = within(within(required).getByRole('combobox', { name: '比较 1' })).getAllByRole(
      'option',
    );
    expect(operators.map((o) => o.textContent)).toEqual([
      '等于',
      '不等于',
      '小于',
      '小于等于',
      '大于',
      '大于等于',
      '为空',
      '不为空',
    ]);
    await user.selectOptions(within(required).getByRole('combobox', { name: '比较 1' }), '大于等于');
    const value = within(required).getByRole('spinbutton', { name: '值 1' });
    await user.clear(value);
    await user.type(value, '80');
    expect(docOf(designer).rules).toEqual([
      { target: 'comment', visible: 'status = "done" AND progress < 50' },
      { target: 'total', required: 'progress >= 80' },
    ]);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('opens a formula it cannot show as conditions as a custom formula, untouched', async () => {
    const form = checkInForm();
    const { designer } = renderDesigner({
      ...form,
      rules: [{ target: 'comment', visible: 'LEN(status) > 2 OR progress * 2 > 100' }],
    });
    act(() => designer.select(['commentNode']));
    const show = rule('显示条件');
    expect(within(show).getByText(/自定义公式/)).toBeInTheDocument();
    expect(within(show).getByRole('combobox', { name: '公式' })).toHaveValue(
      'LEN(status) > 2 OR progress * 2 > 100',
    );
    expect(docOf(designer).rules?.[0]?.visible).toBe('LEN(status) > 2 OR progress * 2 > 100');
  });
});

describe('the formula editor', () => {
  it('completes field names and functions, shows problems with positions and a live result', async () => {
    const { user, designer } = renderDesigner();
    act(() => designer.select(['totalNode']));
    const editor = screen.getByRole('combobox', { name: '计算公式' });
    expect(editor).toHaveValue('SUM(kpis[].score)');
    await user.clear(editor);
    expect(docOf(designer).computed).toHaveLength(1);
    await user.keyboard('SUM(kpis[[].sc');
    const list = screen.getByRole('listbox', { name: '建议' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['得分（kpis[].score） 数字']);
    await user.keyboard('{Enter})');
    await waitFor(() => expect(docOf(designer).computed?.[1]?.formula).toBe('SUM(kpis[].score)'));
    await user.keyboard(' + progres');
    expect(screen.getByText('第 1 行第 21 列：未知字段 progres，是否想用 progress？')).toBeInTheDocument();
    await user.keyboard('s');
    // The sample record has two rows; computed cells are not filled in it, so the sum is 0 + progress.
    await waitFor(() =>
      expect(screen.getByText(/示例数据下的结果/)).toHaveTextContent('示例数据下的结果：60'),
    );
    expect(docOf(designer).computed?.[1]?.formula).toBe('SUM(kpis[].score) + progress');
  });

  it('lets any rule be written as a formula, checked for TRUE/FALSE', async () => {
    const { user, designer } = renderDesigner();
    act(() => designer.select(['totalNode']));
    const readOnly = rule('只读条件');
    await user.click(within(readOnly).getByRole('button', { name: '改为编辑公式' }));
    const editor = within(readOnly).getByRole('combobox', { name: '公式' });
    await user.type(editor, 'progress + 1');
    expect(within(readOnly).getByText(/公式应返回 TRUE 或 FALSE/)).toBeInTheDocument();
    await user.clear(editor);
    await user.type(editor, 'progress > 50');
    expect(docOf(designer).rules?.[1]).toEqual({ target: 'total', readOnly: 'progress > 50' });
    await user.click(within(readOnly).getByRole('button', { name: '改用条件编辑' }));
    expect(within(rule('只读条件')).getByRole('combobox', { name: '比较 1' })).toHaveDisplayValue('大于');
    await user.click(within(rule('只读条件')).getByRole('button', { name: '改为编辑公式' }));
    await user.type(within(rule('只读条件')).getByRole('combobox', { name: '公式' }), ' * 2');
    // `50 * 2` is not a value the builder writes: the rule is now a custom formula.
    expect(docOf(designer).rules?.[1]?.readOnly).toBe('progress > 50 * 2');
    expect(within(rule('只读条件')).getByText(/自定义公式/)).toBeInTheDocument();
  });
});
