import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COLOR_HEX, Dashboard } from '../src/index.ts';
import { fakeLoader, fixture, only } from './support.ts';

const board = only(fixture('dashboard-performance'), 'gaps');
const people = [
  { id: 'u1', name: '王芳' },
  { id: 'u2', name: '李强' },
  { id: 'u3', name: '张伟' },
];
const rows = [
  { employee: 'u1', actual: 95, target: 100, progress: 0.95 },
  { employee: 'u2', actual: 60, target: 100, progress: 0.6 },
  { employee: 'u3', actual: 130, target: 120, progress: 130 / 120 },
];

describe('gap board', () => {
  it('lists people by name, worst gap first, with status colours and bars', async () => {
    const { loader } = fakeLoader({ gaps: rows });
    render(<Dashboard definition={board} loader={loader} people={people} animate={false} />);
    const table = await screen.findByRole('table');
    const body = within(table).getAllByRole('row').slice(1);
    expect(body.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      '李强',
      '王芳',
      '张伟',
    ]);
    expect(body.map((row) => row.getAttribute('data-status'))).toEqual(['red', 'yellow', 'green']);
    const [behind, close, ahead] = body;
    if (!behind || !close || !ahead) throw new Error('three rows expected');
    expect(behind).toHaveTextContent('60 / 100');
    expect(within(behind).getByText('-40')).toHaveStyle({ color: COLOR_HEX.red });
    expect(within(ahead).getByText('+10')).toHaveStyle({ color: COLOR_HEX.green });
    const bar = within(behind).getByRole('progressbar', { name: '李强' });
    expect(bar).toHaveAttribute('aria-valuenow', '60');
    expect(bar.firstElementChild).toHaveStyle({ width: '60%', background: COLOR_HEX.red });
    // Over target: the bar is full, the percentage says how far over.
    expect(within(ahead).getByRole('progressbar').firstElementChild).toHaveStyle({ width: '100%' });
    expect(ahead).toHaveTextContent('108.3%');
  });

  it('shows confidence when asked and falls back to the raw id for unknown groups', async () => {
    const okr = only(fixture('dashboard-okr-overview'), 'teams');
    const { loader } = fakeLoader({
      teams: [{ team: 'ops', progress: 0.5, expected: 0.6, confidence: 0.7 }],
    });
    render(<Dashboard definition={okr} loader={loader} locale="en" animate={false} />);
    const row = (await screen.findAllByRole('row'))[1];
    if (!row) throw new Error('row expected');
    expect(within(row).getByRole('rowheader')).toHaveTextContent('ops');
    expect(screen.getByRole('columnheader', { name: 'Confidence' })).toBeInTheDocument();
    expect(row).toHaveTextContent('50% / 60%');
    expect(row).toHaveTextContent('70%');
    // Default bands: 0.5 / 0.6 ≈ 83 % of target is "close".
    expect(row).toHaveAttribute('data-status', 'yellow');
  });
});
