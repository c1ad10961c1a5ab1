// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { defineForm, field, renderForm, scorecardDefinition } from './support.tsx';

const tabbed = defineForm({
  properties: {
    goal: { type: 'string', title: '目标' },
    result: { type: 'string', title: '结果', minLength: 5 },
    hidden: { type: 'string', title: '备注' },
  },
  required: ['goal', 'result'],
  root: ['sec', 'tabs'],
  nodes: {
    sec: { type: 'section', title: '说明', collapsible: true, children: ['fh'] },
    fh: field('hidden'),
    tabs: { type: 'tabs', children: ['t1', 't2'] },
    t1: { type: 'tab', title: '第一页', children: ['fg'] },
    t2: { type: 'tab', title: '第二页', children: ['fr'] },
    fg: field('goal'),
    fr: field('result'),
  },
  validations: [
    {
      id: 'not-same',
      formula: 'goal <> result',
      message: { 'zh-CN': '目标与结果不能相同', en: 'Goal and result must differ' },
    },
  ],
});

describe('error summary and focus', () => {
  it('lists every problem at the top in page order and focuses the first invalid field on submit', async () => {
    const onInvalid = vi.fn();
    const { user } = renderForm(scorecardDefinition(), { onInvalid });
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: '提交' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading')).toHaveTextContent('请修正以下 5 个问题');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      '员工: 请选择员工',
      '考核月份: 此项必填',
      '指标: 此项必填',
      '指标: 各指标权重合计须为 100%',
      '主管评语: 此项必填',
    ]);
    expect(screen.getByRole('textbox', { name: '员工' })).toHaveFocus();
    expect(onInvalid).toHaveBeenCalledOnce();
  });

  it('marks invalid fields with aria-invalid and describes them with their error', async () => {
    const { user } = renderForm(scorecardDefinition());
    await user.click(screen.getByRole('button', { name: '提交' }));
    const period = screen.getByLabelText(/考核月份/);
    expect(period).toHaveAttribute('aria-invalid', 'true');
    expect(period).toHaveAccessibleDescription('此项必填');
    const errorId = period.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(errorId)).toHaveTextContent('此项必填');
  });

  it('follows a summary link to its field', async () => {
    const { user } = renderForm(scorecardDefinition());
    await user.click(screen.getByRole('button', { name: '提交' }));
    await user.click(screen.getByRole('link', { name: '主管评语: 此项必填' }));
    expect(screen.getByRole('textbox', { name: '主管评语' })).toHaveFocus();
  });

  it('opens the tab and section around the first invalid field', async () => {
    const { user } = renderForm(tabbed, { engineOptions: { value: { goal: '提效' } } });
    await user.click(screen.getByRole('button', { name: '说明' }));
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(screen.getByRole('tab', { name: '第二页' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('textbox', { name: '结果' })).toHaveFocus();
    await user.keyboard('提效');
    await user.click(screen.getByRole('button', { name: '提交' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('结果: 至少 5 个字符');
    expect(within(summary).getByText('目标与结果不能相同')).toBeInTheDocument();
  });

  it('focuses the summary when only the whole form has a problem', async () => {
    const { user } = renderForm(tabbed, {
      engineOptions: { value: { goal: '一二三四五', result: '一二三四五' } },
    });
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(screen.getByRole('alert')).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('目标与结果不能相同');
  });

  it('submits the clean value when nothing is wrong', async () => {
    const onSubmit = vi.fn();
    const { user } = renderForm(tabbed, { onSubmit });
    await user.type(screen.getByRole('textbox', { name: '目标' }), '提效');
    await user.click(screen.getByRole('tab', { name: '第二页' }));
    await user.type(screen.getByRole('textbox', { name: '结果' }), '提效百分之十');
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(onSubmit).toHaveBeenCalledWith({ goal: '提效', result: '提效百分之十' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('updates the summary as problems are fixed', async () => {
    const { user } = renderForm(tabbed);
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请修正以下 3 个问题');
    expect(screen.getByRole('textbox', { name: '目标' })).toHaveFocus();
    await user.keyboard('写好了');
    expect(screen.getByRole('alert')).toHaveTextContent('请修正以下 2 个问题');
    expect(screen.getByRole('alert')).not.toHaveTextContent('目标: 此项必填');
  });
});
