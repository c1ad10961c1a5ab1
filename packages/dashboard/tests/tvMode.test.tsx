import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TvMode, type WidgetLoader } from '../src/index.ts';
import { fixture } from './support.ts';

const performance = fixture('dashboard-performance');
const okr = fixture('dashboard-okr-overview');
const boards = [
  { ...performance, widgets: performance.widgets.filter((w) => w.id === 'avgScore') },
  { ...okr, widgets: okr.widgets.filter((w) => w.id === 'alerts') },
];

describe('TV mode', () => {
  afterEach(() => vi.useRealTimers());

  it('rotates the boards, counts down, pauses, steps with the keys, and shows no filters or downloads', async () => {
    vi.useFakeTimers();
    const asked: string[] = [];
    const loaderFor =
      (boardId: string): WidgetLoader =>
      async (widgetId) => {
        asked.push(`${boardId}/${widgetId}`);
        return widgetId === 'avgScore' ? [{ avgScore: 88 }] : [];
      };
    render(<TvMode boards={boards} loaderFor={loaderFor} intervalSeconds={3} locale="en" animate={false} />);
    await act(async () => {});
    const shown = () => document.querySelector('.fb-tv-board:not([hidden])')?.getAttribute('data-board-id');
    // Both boards load at once, so switching never shows a loading state.
    expect(asked.sort()).toEqual(['okr-overview/alerts', 'performance-board/avgScore']);
    expect(shown()).toBe('performance-board');
    expect(screen.getByText('1 / 2 · Performance board')).toBeInTheDocument();
    expect(screen.getByText('next in 3 s')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Filters' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Download/ })).toBeNull();

    act(() => vi.advanceTimersByTime(3000));
    expect(shown()).toBe('okr-overview');
    act(() => vi.advanceTimersByTime(3000));
    expect(shown()).toBe('performance-board');

    fireEvent.click(screen.getByRole('button', { name: 'Pause rotation' }));
    act(() => vi.advanceTimersByTime(10_000));
    expect(shown()).toBe('performance-board');
    expect(screen.getByRole('button', { name: 'Resume rotation' })).toHaveAttribute('aria-pressed', 'true');

    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(shown()).toBe('okr-overview');
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(shown()).toBe('performance-board');
  });
});
