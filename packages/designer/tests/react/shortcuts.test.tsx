// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { docOf, renderDesigner } from './renderDesigner.tsx';

/** A clipboard's data for a copy, cut or paste event (jsdom has no DataTransfer). */
function clipboard(text = '') {
  const data = new Map([['text/plain', text]]);
  return {
    getData: (type: string) => data.get(type) ?? '',
    setData: (type: string, value: string) => data.set(type, value),
  };
}

describe('shortcuts, outline and clipboard', () => {
  it('moves the selection through the outline with the arrow keys', async () => {
    const { user, designer } = renderDesigner();
    const tree = screen.getByRole('tree', { name: '大纲' });
    const items = within(tree).getAllByRole('treeitem');
    expect(items.map((i) => i.getAttribute('aria-level'))).toEqual([
      '1',
      '2',
      '2',
      '2',
      '1',
      '2',
      '2',
      '2',
      '2',
      '2',
      '1',
    ]);
    await user.click(items[1] as HTMLElement);
    expect(designer.getState().selection).toEqual(['statusNode']);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(designer.getState().selection).toEqual(['commentNode']);
    expect(document.activeElement).toHaveAttribute('data-outline-id', 'commentNode');
    await user.keyboard('{End}');
    expect(designer.getState().selection).toEqual(['totalNode']);
    await user.keyboard('{Control>} {/Control}');
    expect(designer.getState().selection).toEqual([]);
  });

  it('deletes, undoes, redoes and duplicates from the keyboard', async () => {
    const { user, designer } = renderDesigner();
    screen.getByRole('button', { name: '移动 说明' }).focus();
    expect(designer.getState().selection).toEqual(['commentNode']);
    await user.keyboard('{Delete}');
    expect(docOf(designer).layout.nodes.commentNode).toBeUndefined();
    // The next node (none after 说明: the one before it) is selected and its handle focused.
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-handle-for', 'progressNode'));
    await user.keyboard('{Control>}z{/Control}');
    expect(docOf(designer).layout.nodes.commentNode).toBeDefined();
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(docOf(designer).layout.nodes.commentNode).toBeUndefined();
    await user.keyboard('{Control>}y{/Control}');
    await user.keyboard('{Control>}z{/Control}');
    act(() => designer.select(['statusNode']));
    screen.getByRole('button', { name: '移动 状态' }).focus();
    await user.keyboard('{Meta>}d{/Meta}');
    expect((docOf(designer).layout.nodes.basics as { children: string[] }).children).toHaveLength(4);
  });

  it('selects the next node and moves it with Alt+arrows from its handle', async () => {
    const { user, designer } = renderDesigner();
    screen.getByRole('button', { name: '移动 状态' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(designer.getState().selection).toEqual(['progressNode']);
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-handle-for', 'progressNode'));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect((docOf(designer).layout.nodes.basics as { children: string[] }).children).toEqual([
      'progressNode',
      'statusNode',
      'commentNode',
    ]);
    await user.keyboard('{Escape}');
    expect(designer.getState().selection).toEqual([]);
  });

  it('copies and pastes through the system clipboard as JSON text, between designers too', async () => {
    // The browser fires copy / cut / paste on the focused element for Ctrl/Cmd+C/X/V, selection or not.
    const first = renderDesigner();
    const copied = clipboard();
    const progress = screen.getByRole('button', { name: '移动 进度' });
    progress.focus();
    fireEvent.copy(progress, { clipboardData: copied });
    const text = copied.getData('text/plain');
    expect(JSON.parse(text)).toMatchObject({ format: 'formboard/clipboard', kind: 'form' });
    first.unmount();
    const second = renderDesigner();
    const total = screen.getByRole('button', { name: '移动 总分' });
    total.focus();
    fireEvent.paste(total, { clipboardData: clipboard(text) });
    const root = docOf(second.designer).layout.root;
    expect(root).toHaveLength(4);
    expect(docOf(second.designer).layout.nodes[root[3] as string]).toMatchObject({
      type: 'field',
      path: expect.stringMatching(/^progress_/),
    });
    const cut = clipboard();
    const pasted = document.querySelector(`[data-handle-for="${root[3]}"]`) as HTMLElement;
    pasted.focus();
    fireEvent.cut(pasted, { clipboardData: cut });
    expect(cut.getData('text/plain')).toContain('formboard/clipboard');
    expect(docOf(second.designer).layout.root).toHaveLength(3);
  });

  it('says why a paste is refused', async () => {
    renderDesigner();
    fireEvent.paste(screen.getByRole('button', { name: '移动 总分' }), { clipboardData: clipboard('hello') });
    await waitFor(() => expect(document.body).toHaveTextContent('剪贴板中没有可粘贴的组件'));
  });

  it('leaves keys alone while typing in a text box', async () => {
    const { user, designer } = renderDesigner();
    await user.type(screen.getByRole('searchbox', { name: '搜索组件' }), 'ab{Backspace}');
    act(() => designer.select(['statusNode']));
    await user.click(screen.getByRole('searchbox', { name: '搜索组件' }));
    await user.keyboard('{Delete}');
    expect(docOf(designer).layout.nodes.statusNode).toBeDefined();
  });
});
