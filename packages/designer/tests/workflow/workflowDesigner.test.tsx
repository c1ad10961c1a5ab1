// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Workflow } from '../../src/workflow/index.ts';
import { stepById } from '../../src/workflow/workflowTypes.ts';
import { approvalWorkflow, scheduleWorkflow } from './fixtures.ts';
import { renderWorkflow, twoSteps } from './renderWorkflow.tsx';

/** The step ids of the cards, top to bottom. */
const cardOrder = () =>
  [...document.querySelectorAll('.fbw-flow [data-step-id]')].map((e) => e.getAttribute('data-step-id'));

describe('<WorkflowDesigner>', () => {
  it('chooses a schedule preset and shows the next three runs in Asia/Shanghai', async () => {
    const { user, doc } = renderWorkflow(scheduleWorkflow());
    await user.click(screen.getByRole('button', { name: '触发：定时 每周一 09:00' }));
    const settings = screen.getByRole('region', { name: '设置' });
    await user.selectOptions(within(settings).getByLabelText('运行时间'), '每月 1 日 09:00');
    expect(doc().trigger).toMatchObject({ cron: '0 9 1 * *' });
    expect(within(settings).getByLabelText(/cron 表达式/)).toHaveValue('0 9 1 * *');
    const runs = within(screen.getByRole('region', { name: '接下来 3 次运行' })).getAllByRole('listitem');
    expect(runs.map((r) => r.textContent)).toEqual([
      '2026-12-01 周二 09:00',
      '2027-01-01 周五 09:00',
      '2027-02-01 周一 09:00',
    ]);
    expect(screen.getByRole('button', { name: '触发：定时 每月 1 日 09:00' })).toBeInTheDocument();
    // A cron that is no preset shows as custom, with the reason when it is invalid.
    const cron = within(settings).getByLabelText(/cron 表达式/);
    await user.clear(cron);
    await user.type(cron, '0 25 * * *');
    expect(within(settings).getByLabelText('运行时间')).toHaveValue('custom');
    expect(within(settings).getByText(/小时字段中 "25" 无效/)).toBeInTheDocument();
  });

  it('adds an approval between two steps and sets "supervisor of the submitter, 2 levels up"', async () => {
    const { user, doc } = renderWorkflow(twoSteps());
    expect(cardOrder()).toEqual(['first', 'second']);
    await user.click(screen.getByRole('button', { name: '在“通知一”之后添加步骤' }));
    await user.click(
      within(screen.getByRole('group', { name: '添加哪种步骤' })).getByRole('button', { name: '审批' }),
    );
    expect(cardOrder()).toEqual(['first', 'approval_a0001', 'second']);
    expect(screen.getByRole('button', { name: '步骤：审批 审批' })).toHaveAttribute('aria-pressed', 'true');
    const settings = screen.getByRole('region', { name: '设置' });
    expect(within(settings).getByLabelText('第 1 位的类型')).toHaveValue('supervisor');
    expect(within(settings).getByLabelText('第 1 位是谁的主管')).toHaveValue('submitter');
    await user.selectOptions(within(settings).getByLabelText('第 1 位向上几级'), '上 2 级（隔级主管）');
    await user.selectOptions(within(settings).getByLabelText('审批方式'), '所有人都要同意');
    await user.click(within(settings).getByRole('checkbox', { name: '超时升级' }));
    expect(stepById(doc(), 'approval_a0001')).toMatchObject({
      assignees: [{ type: 'supervisor', of: 'submitter', levels: 2 }],
      mode: 'all',
      onApprove: 'second',
      escalation: { after: 'P2D' },
    });
    expect(stepById(doc(), 'first')).toMatchObject({ next: 'approval_a0001' });
  });

  it('writes a notification message with a placeholder from the field list', async () => {
    const { user, doc } = renderWorkflow(twoSteps());
    await user.click(screen.getByRole('button', { name: '步骤：通知 通知一' }));
    const settings = screen.getByRole('region', { name: '设置' });
    const message = within(settings).getByLabelText('消息内容');
    await user.clear(message);
    await user.type(message, '请查看 ');
    await user.click(
      within(within(settings).getByRole('group', { name: '消息内容: 插入字段' })).getByRole('button', {
        name: '标题',
      }),
    );
    expect(stepById(doc(), 'first')).toMatchObject({ message: { 'zh-CN': '请查看 {{title}}' } });
  });

  it('dry-runs a sample record: steps that would run and those skipped, with the reason', async () => {
    const { user } = renderWorkflow(approvalWorkflow());
    const panel = screen.getByRole('region', { name: '试运行' });
    // The sample record is the trigger form itself, filled in (no JSON unless asked for).
    const sampleForm = within(panel).getByRole('region', { name: '示例记录' });
    expect(within(panel).queryByLabelText('示例记录（JSON）')).toBeNull();
    await user.selectOptions(within(sampleForm).getByLabelText('状态'), '草稿');
    expect(within(panel).getByText(/不会启动流程/)).toBeInTheDocument();
    await user.click(within(panel).getByRole('checkbox', { name: '以 JSON 编辑（高级）' }));
    const record = within(panel).getByLabelText('示例记录（JSON）');
    expect((record as HTMLTextAreaElement).value).toContain('"status": "draft"');
    await user.clear(record);
    await user.click(record);
    await user.paste(
      JSON.stringify({ title: '提升良率', status: 'pendingApproval', owner: 'zhang.san', progress: 40 }),
    );
    const items = () => within(panel).getAllByRole('listitem');
    expect(within(panel).getByText(/会启动流程/)).toBeInTheDocument();
    const byStep = (id: string) => items().find((li) => li.getAttribute('data-step-id') === id);
    expect(byStep('approve')).toHaveTextContent('会执行');
    expect(byStep('approve')).toHaveTextContent('“负责人”的直属主管');
    expect(byStep('tellOwner')).toHaveTextContent('“提升良率”进度 40%');
    expect(byStep('backToDraft')).toHaveTextContent('跳过');
    await user.selectOptions(within(panel).getByLabelText('审批结果'), '驳回');
    expect(byStep('backToDraft')).toHaveTextContent('会执行');
    expect(byStep('tellOwner')).toHaveTextContent('跳过');
    await user.clear(record);
    await user.click(record);
    await user.paste(JSON.stringify({ status: 'draft' }));
    expect(within(panel).getByText(/不会启动流程/)).toBeInTheDocument();
  });

  it('saves when changed and valid; clean once onSave resolves', async () => {
    let resolve: () => void = () => undefined;
    const onSave = vi.fn((_definition: Workflow) => new Promise<void>((r) => (resolve = r)));
    const { user, designer } = renderWorkflow(twoSteps(), { onSave });
    const save = screen.getByRole('button', { name: '保存' });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '在开头添加步骤' }));
    await user.click(screen.getByRole('button', { name: '等待' }));
    expect(save).toBeEnabled();
    await user.click(save);
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ start: 'wait_a0001' });
    expect(save).toBeDisabled(); // saving
    await act(async () => resolve());
    await waitFor(() => expect(within(screen.getByRole('toolbar')).getByText('已保存')).toBeInTheDocument());
    expect(designer.getState().dirty).toBe(false);
    expect(save).toBeDisabled();
    // An invalid definition cannot be saved: its problems are listed, each selecting its card.
    await user.click(screen.getByRole('button', { name: '在“通知二”之后添加步骤' }));
    await user.click(screen.getByRole('button', { name: '更新记录' }));
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('button', { name: /至少/ }));
    expect(designer.getState().selection).toEqual(['updateRecord_a0002']);
  });

  it('works from the keyboard: arrows select, Alt+arrows move, Delete removes, Ctrl+Z undoes', async () => {
    const { user, doc } = renderWorkflow(twoSteps(), { locale: 'en' });
    await user.click(screen.getByRole('button', { name: 'Step: Notification First' }));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Step: Notification Second' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(cardOrder()).toEqual(['second', 'first']);
    expect(doc().start).toBe('second');
    await user.keyboard('{Delete}');
    expect(cardOrder()).toEqual(['first']);
    await user.keyboard('{Control>}z{/Control}');
    expect(cardOrder()).toEqual(['second', 'first']);
    await user.keyboard('{Shift>}{Control>}z{/Control}{/Shift}');
    expect(cardOrder()).toEqual(['first']);
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('button', { name: /^Trigger: / })).toHaveAttribute('aria-pressed', 'true');
  });
});
