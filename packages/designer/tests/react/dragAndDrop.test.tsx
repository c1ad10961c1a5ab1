// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type DesignerTest, docOf, renderDesigner } from './renderDesigner.tsx';

const children = (designer: DesignerTest['designer'], id: string) =>
  (docOf(designer).layout.nodes[id] as { children: string[] }).children;

describe('keyboard drag and drop', () => {
  it('moves a node with Space, the arrow keys and Space, announcing each step in zh-CN', async () => {
    const { user, designer } = renderDesigner();
    const handle = screen.getByRole('button', { name: '移动 状态' });
    handle.focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(document.body).toHaveTextContent('已拿起 状态。 位置：基本信息，第 1 个。'));
    // The place after itself is the same as before itself: the next stop is after 进度.
    await user.keyboard('[ArrowDown]');
    await waitFor(() => expect(document.body).toHaveTextContent('位置：基本信息，第 2 个。'));
    await user.keyboard('[Space]');
    await waitFor(() => expect(document.body).toHaveTextContent('已把 状态 放到 基本信息，第 2 个。'));
    expect(children(designer, 'basics')).toEqual(['progressNode', 'statusNode', 'commentNode']);
  });

  it('nests a node into another container and into a repeating table’s columns', async () => {
    const { user, designer } = renderDesigner();
    act(() => {
      designer.add('date', { parent: null, index: 3 });
    });
    const date = designer.getState().selection[0] as string;
    screen.getByRole('button', { name: '移动 日期' }).focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(document.body).toHaveTextContent('已拿起 日期。 位置：表单，第 4 个。'));
    // Slots taking a field, from the date's own place upwards: #root:3, #root:2, table:5 … table:0.
    await user.keyboard('[ArrowUp][ArrowUp][ArrowUp]');
    await waitFor(() => expect(document.body).toHaveTextContent('位置：KPI，第 5 个。'));
    await user.keyboard('[Enter]');
    await waitFor(() => expect(children(designer, 'table')).toContain(date));
    expect(children(designer, 'table').indexOf(date)).toBe(4);
    expect(designer.toDefinition().ok).toBe(true);
    // The node is drawn anew in the table: the focus is on its new handle, to go on with the keyboard.
    await waitFor(() => expect(screen.getByRole('button', { name: '移动 日期' })).toHaveFocus());
    expect(screen.getByRole('button', { name: '移动 日期' })).toHaveAttribute(
      'aria-roledescription',
      '可拖动的组件',
    );
  });

  it('drops a palette item into a place chosen with the keyboard', async () => {
    const { user, designer } = renderDesigner();
    screen.getByRole('button', { name: '添加 分组' }).focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(document.body).toHaveTextContent('已拿起 分组。 位置：表单，第 4 个。'));
    await user.keyboard('[ArrowUp]');
    await user.keyboard('[Space]');
    await waitFor(() => expect(docOf(designer).layout.root).toHaveLength(4));
    expect(docOf(designer).layout.nodes[docOf(designer).layout.root[2] as string]).toMatchObject({
      type: 'section',
    });
  });

  it('cancels with Escape and says so, in English too', async () => {
    const { user, designer } = renderDesigner(undefined, { locale: 'en' });
    const before = docOf(designer);
    screen.getByRole('button', { name: 'Move Status' }).focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(document.body).toHaveTextContent('Picked up Status. Position 1 in 基本信息.'));
    await user.keyboard('[ArrowDown]');
    await waitFor(() => expect(document.body).toHaveTextContent('Position 2 in 基本信息.'));
    await user.keyboard('[Escape]');
    await waitFor(() => expect(document.body).toHaveTextContent('Moving Status was cancelled.'));
    expect(docOf(designer)).toBe(before);
  });

  it('announces why a drop is refused', async () => {
    const { user, designer } = renderDesigner();
    screen.getByRole('button', { name: '移动 进度' }).focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(document.body).toHaveTextContent('已拿起 进度。 位置：基本信息，第 2 个。'));
    // Down from before itself: after 说明 (basics:3), after the section (#root:1), into the table (table:0).
    await user.keyboard('[ArrowDown][ArrowDown][ArrowDown]');
    await waitFor(() => expect(document.body).toHaveTextContent('位置：KPI，第 1 个。'));
    await user.keyboard('[Space]');
    await waitFor(() =>
      expect(screen.getByText(/字段 progress 被规则、公式或其他组件使用/)).toBeInTheDocument(),
    );
    expect(children(designer, 'basics')).toContain('progressNode');
  });
});
