// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { boardOf, renderBoard } from './renderBoard.tsx';

const status = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite');

describe('palette', () => {
  it("adds a widget from the palette by keyboard at the first free place, reading the board's form", async () => {
    const { user, designer, loader } = renderBoard();
    const palette = screen.getByRole('navigation', { name: '组件' });
    within(palette).getByRole('button', { name: '添加 折线图' }).focus();
    await user.keyboard('{Enter}');
    const line = boardOf(designer).widgets.find((w) => w.id === 'line_a0001');
    expect(line).toMatchObject({
      type: 'line',
      layout: { x: 0, y: 4, w: 6, h: 5 },
      query: { source: 'objective' },
    });
    expect(designer.getState().selection).toEqual(['line_a0001']);
    expect(document.querySelector('[data-widget-id="line_a0001"]')).not.toBeNull();
    expect(status()).toHaveTextContent('已添加 折线图，位于第 1 列、第 5 行。');
    await waitFor(() => expect(loader).toHaveBeenCalledWith(line));
  });

  it('searches the palette in both languages', async () => {
    const { user } = renderBoard({ locale: 'en' });
    const palette = screen.getByRole('navigation', { name: 'Widgets' });
    await user.type(within(palette).getByRole('searchbox', { name: 'Search widgets' }), 'talent');
    expect(within(palette).getAllByRole('button')).toHaveLength(1);
    expect(within(palette).getByRole('button', { name: 'Add Nine-box grid' })).toBeInTheDocument();
  });
});

describe('keyboard moves and resizes', () => {
  it('arrows move the focused card, Shift+arrows resize it, Delete removes it; each is announced and undoable', async () => {
    const { user, designer } = renderBoard();
    const card = screen.getByRole('button', { name: '按状态' });
    card.focus();
    expect(designer.getState().selection).toEqual(['byStatus']);
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    expect(boardOf(designer).widgets[1]?.layout).toEqual({ x: 5, y: 1, w: 6, h: 4 });
    expect(status()).toHaveTextContent('按状态 已移动到第 6 列、第 2 行。');
    await user.keyboard('{Shift>}{ArrowLeft}{ArrowDown}{/Shift}');
    expect(boardOf(designer).widgets[1]?.layout).toEqual({ x: 5, y: 1, w: 5, h: 5 });
    expect(status()).toHaveTextContent('按状态 的大小为 5 列 × 5 行。');
    await user.keyboard('{Delete}');
    expect(boardOf(designer).widgets.map((w) => w.id)).toEqual(['count']);
    await user.keyboard('{Control>}z{/Control}');
    expect(boardOf(designer).widgets.map((w) => w.id)).toEqual(['count', 'byStatus']);
    expect(status()).toHaveTextContent('已撤销：删除组件');
  });

  it("a move onto another widget pushes it down; a resize handle's arrows resize", async () => {
    const { user, designer } = renderBoard({ locale: 'en' });
    screen.getByRole('button', { name: 'Objectives' }).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(boardOf(designer).widgets.map((w) => [w.id, w.layout.x, w.layout.y])).toEqual([
      ['count', 4, 0],
      ['byStatus', 3, 3],
    ]);
    screen.getByRole('button', { name: 'Resize By status: width' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(boardOf(designer).widgets[1]?.layout.w).toBe(7);
    expect(status()).toHaveTextContent('By status is now 7 columns × 4 rows.');
  });
});

describe('settings', () => {
  it('edits the selected widget: title, group by, chart type; one undo step per focus session', async () => {
    const { user, designer } = renderBoard();
    await user.click(screen.getByRole('button', { name: '按状态' }));
    const panel = screen.getByRole('complementary', { name: '设置' });
    const title = within(panel).getByRole('textbox', { name: '标题' });
    await user.clear(title);
    await user.type(title, '状态分布');
    await user.tab();
    expect(designer.getProperty('byStatus', 'title')).toEqual({ 'zh-CN': '状态分布', en: 'By status' });
    designer.undo();
    expect(designer.getProperty('byStatus', 'title')).toEqual({ 'zh-CN': '按状态', en: 'By status' });
    await user.selectOptions(within(panel).getByRole('combobox', { name: '分组字段 1' }), '负责人');
    expect(designer.getProperty('byStatus', 'query.groupBy')).toEqual(['owner']);
    await user.selectOptions(within(panel).getByRole('combobox', { name: '组件类型' }), '饼图');
    expect(boardOf(designer).widgets[1]).toMatchObject({ type: 'pie', id: 'byStatus' });
  });

  it("shows the filter formula's problems as it is typed, and lists them in the problems panel", async () => {
    const { user, designer } = renderBoard({ locale: 'en' });
    await user.click(screen.getByRole('button', { name: 'By status' }));
    const formula = screen.getByRole('combobox', { name: 'Filter (formula)' });
    await user.type(formula, 'progres > 1');
    expect(formula).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/^line 1, column 1: unknown field progres/)).toBeInTheDocument();
    act(() => designer.select([]));
    await user.click(screen.getByRole('button', { name: '1 problem' }));
    const problems = screen.getByRole('region', { name: '1 problem' });
    await user.click(within(problems).getByRole('button'));
    expect(designer.getState().selection).toEqual(['byStatus']);
  });

  it('adds a measure and thresholds with colours from the panel', async () => {
    const { user, designer } = renderBoard({ locale: 'en' });
    await user.click(screen.getByRole('button', { name: 'Objectives' }));
    const panel = screen.getByRole('complementary', { name: 'Settings' });
    await user.click(within(panel).getByRole('button', { name: 'Add measure' }));
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Aggregate (m2)' }), 'Average');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Field (m2)' }), 'Progress');
    expect(designer.getProperty('count', 'query.measures.1')).toEqual({
      id: 'm2',
      op: 'avg',
      field: 'progress',
    });
    await user.click(within(panel).getByRole('checkbox', { name: 'Colour by thresholds' }));
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Band 3 colour' }), 'Teal');
    expect(designer.getProperty('count', 'thresholds.bands.2')).toEqual({ from: 1, color: 'teal' });
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('edits the dashboard when nothing is selected: title, columns, filters', async () => {
    const { user, designer } = renderBoard();
    const panel = screen.getByRole('complementary', { name: '设置' });
    await user.click(within(panel).getByRole('button', { name: '添加筛选器：人员' }));
    expect(boardOf(designer).filters).toEqual([
      {
        type: 'person',
        id: 'person',
        label: { 'zh-CN': '人员', en: 'Person' },
        default: 'all',
        fields: { objective: 'owner' },
      },
    ]);
    await user.selectOptions(within(panel).getByRole('combobox', { name: '默认值 (人员)' }), '我');
    expect(boardOf(designer).filters?.[0]?.default).toBe('me');
    await user.selectOptions(within(panel).getByRole('combobox', { name: '列数' }), '24');
    expect(boardOf(designer).grid.columns).toBe(24);
    expect(boardOf(designer).widgets[1]?.layout).toEqual({ x: 6, y: 0, w: 12, h: 4 });
  });
});

describe('live preview', () => {
  it("renders each card with the dashboard renderer from the loader's rows", async () => {
    const { loader } = renderBoard({ locale: 'en' });
    const card = document.querySelector('[data-widget-id="count"]') as HTMLElement;
    await waitFor(() => expect(within(card).getByText('7')).toBeInTheDocument());
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('reloads a card only when its query changes, not for display options', async () => {
    const { designer, loader } = renderBoard();
    await waitFor(() => expect(loader).toHaveBeenCalledTimes(2));
    act(() => {
      designer.setProperty('byStatus', 'display.stacked', true);
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(loader).toHaveBeenCalledTimes(2);
    act(() => {
      designer.setProperty('byStatus', 'query.limit', 5);
    });
    await waitFor(() => expect(loader).toHaveBeenCalledTimes(3));
    expect(loader.mock.calls[2]?.[0]).toMatchObject({ id: 'byStatus', query: { limit: 5 } });
  });

  it('debounces reloads while a query is being edited', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { designer, loader } = renderBoard({ previewDebounceMs: 400 });
      await vi.waitFor(() => expect(loader).toHaveBeenCalledTimes(2));
      act(() => {
        designer.setProperty('byStatus', 'query.filter', 'progress > 0');
      });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(200);
      });
      act(() => {
        designer.setProperty('byStatus', 'query.filter', 'progress > 80');
      });
      // 500 ms after the first edit but 300 ms after the last: still waiting.
      await act(async () => {
        await vi.advanceTimersByTimeAsync(300);
      });
      expect(loader).toHaveBeenCalledTimes(2);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(200);
      });
      expect(loader).toHaveBeenCalledTimes(3);
      expect(loader.mock.calls[2]?.[0]).toMatchObject({ query: { filter: 'progress > 80' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the error and choose-a-source states', async () => {
    const { designer, loader } = renderBoard({ locale: 'en' });
    loader.mockImplementation(async () => {
      throw new Error('HTTP 422');
    });
    act(() => {
      designer.add('pie', { source: 'objective' });
    });
    const pie = () => document.querySelector('[data-widget-id="pie_a0001"]') as HTMLElement;
    await waitFor(() =>
      expect(within(pie()).getByRole('alert')).toHaveTextContent('The preview could not be loaded: HTTP 422'),
    );
    act(() => {
      designer.setProperty('pie_a0001', 'query.source', '');
    });
    await waitFor(() => expect(pie()).toHaveTextContent('Choose a source form in the settings on the right'));
  });
});

describe('saving', () => {
  it('saves a changed, valid dashboard and is clean once the host resolves', async () => {
    const onSave = vi.fn(async () => undefined);
    const { user, designer, onChange } = renderBoard({ onSave });
    const save = screen.getByRole('button', { name: '保存' });
    expect(save).toBeDisabled();
    act(() => {
      designer.move('count', 9, 0);
    });
    expect(onChange).toHaveBeenLastCalledWith(boardOf(designer), { ok: true, definition: boardOf(designer) });
    expect(save).toBeEnabled();
    await user.click(save);
    expect(onSave).toHaveBeenCalledWith(boardOf(designer));
    await waitFor(() => expect(within(screen.getByRole('toolbar')).getByText('已保存')).toBeInTheDocument());
    // …and says so to screen readers.
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('已保存');
    expect(designer.getState().dirty).toBe(false);
  });

  it('keeps Save off while the dashboard has problems', () => {
    const { designer } = renderBoard({ onSave: vi.fn() });
    act(() => {
      designer.add('line');
    });
    expect(screen.getByRole('button', { name: '保存' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '1 个问题' })).toBeEnabled();
  });
});
