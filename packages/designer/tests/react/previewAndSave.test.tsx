// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type Form, FormDesigner } from '../../src/index.ts';
import { checkInForm } from '../fixtures.ts';
import { docOf, renderDesigner } from './renderDesigner.tsx';

describe('preview', () => {
  it('renders the form with sample data, at phone width on demand; what is typed becomes the sample', async () => {
    const { user, designer } = renderDesigner();
    await user.click(screen.getByRole('button', { name: '预览' }));
    const preview = screen.getByRole('region', { name: '预览' });
    const progress = within(preview).getByRole('textbox', { name: '进度' });
    expect(progress).toHaveValue('60');
    await user.click(within(preview).getByRole('button', { name: '手机宽度' }));
    expect(within(preview).getByRole('button', { name: '手机宽度' })).toHaveAttribute('aria-pressed', 'true');
    expect(preview.querySelector('[data-phone="true"]')).not.toBeNull();
    await user.clear(progress);
    await user.type(progress, '30');
    await user.click(screen.getByRole('button', { name: '设计' }));
    act(() => designer.select(['totalNode']));
    // Before the preview, computed cells are not in the sample (the total's result was 0); the preview's
    // engine computed each row's score (60 × MIN(60 / 60, 1.2)), and its value is now the sample.
    await waitFor(() =>
      expect(screen.getByText(/示例数据下的结果/)).toHaveTextContent('示例数据下的结果：120'),
    );
    await user.click(screen.getByRole('button', { name: '预览' }));
    expect(
      within(screen.getByRole('region', { name: '预览' })).getByRole('textbox', { name: '进度' }),
    ).toHaveValue('30');
  });

  it('asks to fix problems before previewing an invalid form', async () => {
    const { user, designer } = renderDesigner();
    act(() => {
      designer.remove(['progressNode']);
    });
    await user.click(screen.getByRole('button', { name: '预览' }));
    expect(screen.getByText('表单还有问题，修正后才能预览')).toBeInTheDocument();
  });
});

describe('changes, problems and saving', () => {
  it('reports every change with its validation, lists problems and selects the node of one', async () => {
    const { user, designer, onChange } = renderDesigner();
    act(() => {
      designer.remove(['progressNode']);
    });
    const [definition, result] = onChange.mock.calls.at(-1) as [Form, { ok: boolean }];
    expect(definition).toBe(docOf(designer));
    expect(result.ok).toBe(false);
    await user.click(screen.getByRole('button', { name: '2 个问题' }));
    const problems = screen.getByRole('region', { name: '2 个问题' });
    await user.click(within(problems).getByRole('button', { name: /progress/ }));
    expect(designer.getState().selection).toEqual(['commentNode']);
  });

  it('saves a changed, valid definition and is clean afterwards', async () => {
    const onSave = vi.fn(async () => undefined);
    const { user, designer } = renderDesigner(undefined, { onSave });
    const save = screen.getByRole('button', { name: '保存' });
    expect(save).toBeDisabled();
    act(() => {
      designer.setProperty('basics', 'collapsible', true);
    });
    expect(screen.getByText('有未保存的修改')).toBeInTheDocument();
    await user.click(save);
    expect(onSave).toHaveBeenCalledWith(docOf(designer));
    await waitFor(() => expect(within(screen.getByRole('toolbar')).getByText('已保存')).toBeInTheDocument());
    // …and says so to screen readers.
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('已保存');
    expect(designer.getState().dirty).toBe(false);
  });

  it('stays dirty and says so when saving fails', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('409');
    });
    const { user, designer } = renderDesigner(undefined, { onSave });
    act(() => {
      designer.setProperty('basics', 'collapsible', true);
    });
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(document.body).toHaveTextContent('保存失败，请重试'));
    expect(designer.getState().dirty).toBe(true);
  });

  it('opens another definition passed in, and keeps its own when given back what it reported', () => {
    const onChange = vi.fn();
    const first = checkInForm();
    const { rerender } = render(<FormDesigner definition={first} onChange={onChange} />);
    expect(screen.getAllByRole('treeitem')).toHaveLength(11);
    const other: Form = {
      ...first,
      id: 'other',
      layout: { root: ['totalNode'], nodes: { totalNode: { type: 'field', path: 'total' } } },
    };
    rerender(<FormDesigner definition={other} onChange={onChange} />);
    expect(screen.getAllByRole('treeitem')).toHaveLength(1);
  });
});
