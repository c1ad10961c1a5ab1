import type { DashboardWidget } from '@formboard/schema';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard, type RecordChange, type Row, type WidgetLoader } from '../src/index.ts';
import { fakeLoader, fixture } from './support.ts';

const performance = fixture('dashboard-performance');
const kpiOnly = { ...performance, widgets: performance.widgets.filter((w) => w.id === 'avgScore') };

describe('filters', () => {
  it('sends the defaults first, then each change, to the loader', async () => {
    const user = userEvent.setup();
    const { loader, calls } = fakeLoader({ avgScore: [{ avgScore: 80 }] });
    const people = [{ id: 'u7', name: '赵敏' }];
    render(<Dashboard definition={kpiOnly} loader={loader} people={people} animate={false} />);
    await screen.findByTestId('kpi-value');
    expect(calls).toEqual([
      { widgetId: 'avgScore', filters: { period: 'thisQuarter', employee: 'myReports' } },
    ]);

    await user.selectOptions(screen.getByRole('combobox', { name: '考核期间' }), '上月');
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.filters).toEqual({ period: 'lastMonth', employee: 'myReports' });

    await user.selectOptions(screen.getByRole('combobox', { name: '员工' }), '赵敏');
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2]?.filters).toEqual({ period: 'lastMonth', employee: ['u7'] });
  });

  it('fills a long person list in only when the control is used', async () => {
    const user = userEvent.setup();
    const { loader, calls } = fakeLoader({ avgScore: [{ avgScore: 80 }] });
    const people = Array.from({ length: 500 }, (_, i) => ({ id: `u${i}`, name: `员工 ${i}` }));
    render(<Dashboard definition={kpiOnly} loader={loader} people={people} animate={false} />);
    await screen.findByTestId('kpi-value');
    const select = screen.getByRole('combobox', { name: '员工' });
    expect(within(select).getAllByRole('option')).toHaveLength(3);
    await user.click(select);
    expect(within(select).getAllByRole('option')).toHaveLength(503);
    await user.selectOptions(select, '员工 321');
    await waitFor(() => expect(calls.at(-1)?.filters.employee).toEqual(['u321']));
  });

  it('sends a custom date range once both dates are set', async () => {
    const user = userEvent.setup();
    const { loader, calls } = fakeLoader({ avgScore: [{ avgScore: 80 }] });
    render(<Dashboard definition={kpiOnly} loader={loader} locale="en" animate={false} />);
    await screen.findByTestId('kpi-value');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Custom…');
    await user.type(screen.getByLabelText('From'), '2025-01-01');
    expect(calls).toHaveLength(1);
    await user.type(screen.getByLabelText('To'), '2025-03-31');
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.filters.period).toEqual({ from: '2025-01-01', to: '2025-03-31' });
  });
});

describe('states', () => {
  it('says it is loading, then shows an error with a retry that works', async () => {
    const user = userEvent.setup();
    let fail = true;
    const loader: WidgetLoader = () =>
      new Promise((resolve, reject) =>
        setTimeout(() => (fail ? reject(new Error('HTTP 503')) : resolve([{ avgScore: 90 }])), 5),
      );
    render(<Dashboard definition={kpiOnly} loader={loader} locale="en" animate={false} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(screen.getByRole('region', { name: 'Average score' })).toHaveAttribute('aria-busy', 'true');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load this widget: HTTP 503');
    expect(alert).toHaveTextContent('Check your connection and retry');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('kpi-value')).toHaveTextContent('90.0 pts');
  });

  it('says what to do for errors that carry an HTTP status', async () => {
    const failing =
      (status: number): WidgetLoader =>
      async () => {
        throw Object.assign(new Error(`HTTP ${status}`), { status });
      };
    const { unmount } = render(<Dashboard definition={kpiOnly} loader={failing(403)} animate={false} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('请联系看板负责人共享给你');
    unmount();
    render(<Dashboard definition={kpiOnly} loader={failing(401)} locale="en" animate={false} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('sign in again and reload the page');
  });

  it('explains an empty result in Chinese', async () => {
    render(<Dashboard definition={kpiOnly} loader={fakeLoader({}).loader} animate={false} />);
    expect(await screen.findByText('当前筛选条件下没有数据')).toBeInTheDocument();
    expect(screen.getByText(/请扩大日期范围或清除筛选条件/)).toBeInTheDocument();
  });

  it('names widget types it cannot draw instead of failing (a definition newer than the package)', () => {
    const { loader, calls } = fakeLoader({});
    const guide = performance.widgets.find((w) => w.id === 'guide');
    const newer = { ...guide, id: 'flow', type: 'sankey' } as unknown as DashboardWidget;
    render(
      <Dashboard
        definition={{ ...performance, filters: [], widgets: [newer] }}
        loader={loader}
        locale="en"
      />,
    );
    expect(screen.getByText(/Widgets of type "sankey" are not supported yet/)).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});

describe('live refresh', () => {
  afterEach(() => vi.useRealTimers());

  it('reloads only widgets reading the changed form: at once, then once after a burst, keeping old values', async () => {
    const okr = fixture('dashboard-okr-overview');
    const mixed = {
      ...performance,
      filters: [],
      widgets: [
        ...performance.widgets.filter((w) => w.id === 'avgScore'),
        ...okr.widgets.filter((w) => w.id === 'list'),
      ],
    };
    let score = 80;
    const calls: string[] = [];
    const loader: WidgetLoader = async (widgetId) => {
      calls.push(widgetId);
      return widgetId === 'avgScore'
        ? [{ avgScore: score }]
        : ([{ owner: 'u1', status: 'done', objectives: 1, done: 1 }] as Row[]);
    };
    let emit: (change: RecordChange) => void = () => {};
    const subscribe = (listener: (change: RecordChange) => void) => {
      emit = listener;
      return () => {
        emit = () => {};
      };
    };
    render(
      <Dashboard
        definition={mixed}
        loader={loader}
        locale="en"
        subscribe={subscribe}
        refreshDebounceMs={200}
        animate={false}
      />,
    );
    expect(await screen.findByTestId('kpi-value')).toHaveTextContent('80.0 pts');
    await screen.findByRole('table');
    expect(calls.sort()).toEqual(['avgScore', 'list']);

    vi.useFakeTimers();
    score = 91;
    // The first change reloads at once; the old value stays until the new one arrives.
    act(() => emit({ formId: 'kpi-scorecard' }));
    expect(calls).toHaveLength(3);
    expect(screen.getByTestId('kpi-value')).toHaveTextContent('80.0 pts');
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.getByTestId('kpi-value')).toHaveTextContent('91.0 pts');
    // A burst within the quiet time: one more reload when it stops; other forms are ignored.
    score = 95;
    act(() => {
      emit({ formId: 'kpi-scorecard' });
      emit({ formId: 'unrelated-form' });
      vi.advanceTimersByTime(100);
      emit({ formId: 'kpi-scorecard' });
      vi.advanceTimersByTime(199);
    });
    expect(calls).toHaveLength(3);
    await act(async () => {
      vi.advanceTimersByTime(1);
    });
    vi.useRealTimers();
    expect(await screen.findByText('95.0 pts')).toBeInTheDocument();
    expect(calls.filter((id) => id === 'avgScore')).toHaveLength(3);
    expect(calls.filter((id) => id === 'list')).toHaveLength(1);
  });
});

describe('timed refresh', () => {
  afterEach(() => vi.useRealTimers());

  it("re-runs every widget's query each refreshSeconds of the definition", async () => {
    vi.useFakeTimers();
    const { loader, calls } = fakeLoader({ avgScore: [{ avgScore: 80 }] });
    render(<Dashboard definition={{ ...kpiOnly, refreshSeconds: 60 }} loader={loader} animate={false} />);
    await act(async () => {});
    expect(calls).toHaveLength(1);
    await act(async () => {
      vi.advanceTimersByTime(60_000);
    });
    expect(calls).toHaveLength(2);
  });
});

describe('layout', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('places widgets on the definition grid', () => {
    const { container } = render(
      <Dashboard definition={performance} loader={fakeLoader({}).loader} animate={false} />,
    );
    const grid = container.querySelector('.fb-dashboard-grid') as HTMLElement;
    expect(grid).toHaveAttribute('data-columns', '24');
    expect(grid.style.gridTemplateColumns).toBe('repeat(24, minmax(0, 1fr))');
    const gaps = container.querySelector('[data-widget-id="gaps"]')?.parentElement as HTMLElement;
    expect(gaps.style.gridColumn).toBe('13 / span 12');
    expect(gaps.style.gridRow).toBe('1 / span 10');
  });

  it('stacks widgets in reading order in one column on a phone', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(max-width: 640px)',
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    const { container } = render(
      <Dashboard definition={performance} loader={fakeLoader({}).loader} animate={false} />,
    );
    const grid = container.querySelector('.fb-dashboard-grid') as HTMLElement;
    expect(grid).toHaveAttribute('data-columns', '1');
    const order = [...container.querySelectorAll('[data-widget-id]')].map((el) =>
      el.getAttribute('data-widget-id'),
    );
    expect(order).toEqual(['avgScore', 'achievement', 'gaps', 'trend', 'ranking', 'talent', 'guide']);
    const first = container.querySelector('[data-widget-id="avgScore"]')?.parentElement as HTMLElement;
    expect(first.style.gridColumn).toBe('1 / -1');
  });
});
