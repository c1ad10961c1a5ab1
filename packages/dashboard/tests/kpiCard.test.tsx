import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COLOR_HEX, Dashboard } from '../src/index.ts';
import { fakeLoader, fixture, only } from './support.ts';

const board = only(fixture('dashboard-performance'), 'avgScore');

async function renderKpi(row: Record<string, unknown>, locale: 'zh-CN' | 'en') {
  const { loader } = fakeLoader({ avgScore: [row] });
  render(<Dashboard definition={board} loader={loader} locale={locale} animate={false} />);
  return screen.findByTestId('kpi-value');
}

describe('KPI card', () => {
  it('shows value, unit, band, target, achievement and change in zh-CN', async () => {
    const value = await renderKpi({ avgScore: 87.25, $previous: { avgScore: 80 } }, 'zh-CN');
    expect(value).toHaveTextContent('87.3 分');
    expect(value).toHaveStyle({ color: COLOR_HEX.green });
    expect(screen.getByText('优秀')).toBeInTheDocument();
    expect(screen.getByText('目标 85.0 分 · 达成率 102.6%')).toBeInTheDocument();
    const change = screen.getByTestId('kpi-change');
    expect(change).toHaveTextContent('▲ +9.1% 较上期');
    expect(change).toHaveAttribute('data-good', 'true');
    expect(screen.getByRole('heading', { name: '平均得分' })).toBeInTheDocument();
  });

  it('colours a low value red and a fall as bad news, in English', async () => {
    const value = await renderKpi({ avgScore: 55, $previous: { avgScore: 70 } }, 'en');
    expect(value).toHaveTextContent('55.0 pts');
    expect(value).toHaveStyle({ color: COLOR_HEX.red });
    expect(value).toHaveAttribute('data-color', 'red');
    expect(screen.getByText('Needs improvement')).toBeInTheDocument();
    expect(screen.getByText('Target 85.0 pts · Achievement 64.7%')).toBeInTheDocument();
    const change = screen.getByTestId('kpi-change');
    expect(change).toHaveTextContent('▼ -21.4% vs previous period');
    expect(change).toHaveAttribute('data-good', 'false');
    expect(change).toHaveStyle({ color: COLOR_HEX.red });
  });

  it('formats a computed percent measure and shows no change without a previous period', async () => {
    const achievement = only(fixture('dashboard-performance'), 'achievement');
    const { loader } = fakeLoader({
      achievement: [{ actual: 930, target: 1000, rate: 0.93, $previous: null }],
    });
    render(<Dashboard definition={achievement} loader={loader} locale="en" animate={false} />);
    const value = await screen.findByTestId('kpi-value');
    expect(value).toHaveTextContent('93.0%');
    expect(value).toHaveAttribute('data-color', 'yellow');
    expect(screen.queryByTestId('kpi-change')).toBeNull();
  });
});
