// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { docOf, renderDesigner } from './renderDesigner.tsx';

const rules = () => screen.getByRole('region', { name: '规则' });

describe('the initial value in the property panel', () => {
  it('is a formula editor with its hint, completion and live result, kept in the field’s rule', async () => {
    const { user, designer } = renderDesigner();
    act(() => designer.select(['commentNode']));
    const editor = within(rules()).getByRole('combobox', { name: '初始值' });
    expect(editor).toHaveAccessibleDescription(/新记录开始时计算一次/);
    expect(editor).toHaveValue('');
    await user.click(editor);
    await user.keyboard('$user.n');
    const list = screen.getByRole('listbox', { name: '建议' });
    expect(within(list).getByRole('option', { name: /\$user\.name/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(editor).toHaveValue('$user.name'));
    // The live result reads a made-up person, as the preview's record is made up.
    expect(within(rules()).getAllByText(/示例数据下的结果/)[0]).toHaveTextContent(
      '示例数据下的结果："张三 Zhang San"',
    );
    // One rule per field: the initial value joins the visibility rule already there.
    expect(docOf(designer).rules).toEqual([
      { target: 'comment', visible: 'status = "done" AND progress < 50', initial: '$user.name' },
    ]);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('shows the result on the sample record and the problems of a wrong formula', async () => {
    const { user, designer } = renderDesigner();
    act(() => designer.select(['totalNode']));
    const editor = within(rules()).getByRole('combobox', { name: '初始值' });
    await user.type(editor, 'progress * 2');
    await waitFor(() =>
      expect(within(rules()).getAllByText(/示例数据下的结果/)[0]).toHaveTextContent('示例数据下的结果：120'),
    );
    await user.type(editor, ' + progres)');
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    // A text where a number is kept is a problem of the field's node when saving.
    await user.clear(editor);
    await user.type(editor, '"很多"');
    const result = designer.toDefinition();
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => [p.pointer, p.nodeId])).toEqual([['/rules/1/initial', 'totalNode']]);
  });

  it('is one undo step per focus, and clearing it removes the rule it alone made', async () => {
    const { user, designer } = renderDesigner();
    act(() => designer.select(['progressNode']));
    const before = docOf(designer);
    const editor = within(rules()).getByRole('combobox', { name: '初始值' });
    await user.type(editor, '50');
    await user.tab();
    expect(docOf(designer).rules?.[1]).toEqual({ target: 'progress', initial: '50' });
    act(() => {
      designer.undo();
    });
    expect(docOf(designer)).toBe(before);
    act(() => {
      designer.redo();
    });
    await user.clear(within(rules()).getByRole('combobox', { name: '初始值' }));
    expect(docOf(designer).rules).toEqual(before.rules);
  });

  it('is not offered for a table column (rows start from their defaults)', () => {
    const { designer } = renderDesigner();
    act(() => designer.select(['weightCol']));
    expect(within(rules()).getByRole('combobox', { name: '计算公式' })).toBeInTheDocument();
    expect(within(rules()).queryByRole('combobox', { name: '初始值' })).toBeNull();
  });

  it('speaks English in the en designer', () => {
    const { designer } = renderDesigner(undefined, { locale: 'en' });
    act(() => designer.select(['commentNode']));
    const editor = within(screen.getByRole('region', { name: 'Rules' })).getByRole('combobox', {
      name: 'Initial value',
    });
    expect(editor).toHaveAccessibleDescription(/Computed once when a new record starts/);
  });
});
