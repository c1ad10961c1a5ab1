// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { docOf, renderDesigner } from './renderDesigner.tsx';

const panel = () => screen.getByRole('complementary', { name: '属性' });

describe('the property panel', () => {
  it('asks to select something, or says how many are selected', async () => {
    const { designer } = renderDesigner();
    expect(within(panel()).getByText('选中一个组件以编辑它的属性')).toBeInTheDocument();
    act(() => designer.select(['statusNode', 'progressNode']));
    expect(within(panel()).getByText('已选中 2 个组件')).toBeInTheDocument();
  });

  it('is a form rendered by form-runtime; typing a label edits the node in one undo step', async () => {
    const { user, designer } = renderDesigner();
    act(() => designer.select(['progressNode']));
    const zh = within(panel()).getAllByRole('textbox', { name: '中文' })[0] as HTMLElement;
    expect(zh).toHaveValue('进度');
    await user.clear(zh);
    await user.type(zh, '完成度');
    expect(docOf(designer).data.properties.progress).toMatchObject({
      title: { 'zh-CN': '完成度', en: 'Progress' },
    });
    expect(screen.getByRole('button', { name: '移动 完成度' })).toBeInTheDocument();
    expect(designer.getState().past?.size).toBe(1);
    await user.click(screen.getByRole('button', { name: '撤销' }));
    expect(docOf(designer).data.properties.progress).toMatchObject({ title: { 'zh-CN': '进度' } });
    await waitFor(() =>
      expect(within(panel()).getAllByRole('textbox', { name: '中文' })[0]).toHaveValue('进度'),
    );
    expect(document.body).toHaveTextContent('已撤销：修改属性');
  });

  it('edits required, the widget and options', async () => {
    const { user, designer } = renderDesigner();
    act(() => designer.select(['commentNode']));
    await user.click(within(panel()).getByRole('switch', { name: '必填' }));
    expect(docOf(designer).data.required).toEqual(['status', 'comment']);
    await user.selectOptions(within(panel()).getByRole('combobox', { name: '控件' }), '单行文本');
    expect(docOf(designer).layout.nodes.commentNode).toMatchObject({ widget: 'text' });
    act(() => designer.select(['statusNode']));
    await user.click(within(panel()).getByRole('button', { name: '添加一行' }));
    await user.type(within(panel()).getByRole('textbox', { name: '值（第 3 行）' }), 'late');
    await waitFor(() =>
      expect(designer.getProperty('statusNode', 'options')).toEqual([
        { value: 'todo', label: { 'zh-CN': '未开始', en: 'To do' } },
        { value: 'done', label: { 'zh-CN': '已完成', en: 'Done' } },
        { value: 'late' },
      ]),
    );
  });

  it('shows a widget’s own settings from its property schema', async () => {
    const { user, designer } = renderDesigner();
    act(() => designer.select(['totalNode']));
    await user.selectOptions(within(panel()).getByRole('combobox', { name: '控件' }), '金额');
    const currency = await within(panel()).findByRole('combobox', { name: '币种' });
    await user.selectOptions(currency, '美元');
    expect(docOf(designer).layout.nodes.totalNode).toMatchObject({
      widget: 'currency',
      props: { currency: 'USD' },
    });
  });

  it('renames a key on purpose, and explains a refusal', async () => {
    const { user, designer } = renderDesigner();
    act(() => designer.select(['progressNode']));
    await user.click(within(panel()).getByText('高级'));
    const key = within(panel()).getByRole('textbox', { name: '字段标识' });
    await user.clear(key);
    await user.type(key, 'status{Enter}');
    expect(within(panel()).getByRole('alert')).toHaveTextContent('字段标识 status 已被使用');
    await user.clear(key);
    await user.type(key, 'completion{Enter}');
    expect(within(panel()).queryByRole('alert')).toBeNull();
    expect(docOf(designer).rules?.[0]?.visible).toBe('status = "done" AND completion < 50');
  });
});
