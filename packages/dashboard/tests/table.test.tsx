import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { COLOR_HEX, Dashboard } from '../src/index.ts';
import { fakeLoader, fixture, only } from './support.ts';

const board = only(fixture('dashboard-okr-overview'), 'list');
const people = [
  { id: 'u1', name: 'Wang Fang' },
  { id: 'u2', name: 'Li Qiang' },
];
const rows = [
  { owner: 'u1', status: 'active', objectives: 3, done: 0.5 },
  { owner: 'u2', status: 'done', objectives: 10, done: 1 },
  { owner: 'u2', status: 'active', objectives: 2, done: 0.25 },
];

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('table', () => {
  it('shows the listed columns with names, formats, totals and threshold colours', async () => {
    const { loader } = fakeLoader({ list: rows });
    render(<Dashboard definition={board} loader={loader} locale="en" people={people} animate={false} />);
    const table = await screen.findByRole('table');
    const [header, ...rest] = within(table).getAllByRole('row');
    if (!header) throw new Error('header expected');
    expect(
      within(header)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Owner', 'status', 'objectives', 'done']);
    expect(rest.map(cells)).toEqual([
      ['Wang Fang', 'active', '3', '50%'],
      ['Li Qiang', 'done', '10', '100%'],
      ['Li Qiang', 'active', '2', '25%'],
      // Totals: counts add up; a maximum does not.
      ['Total', '', '15', ''],
    ]);
    const full = within(table).getByText('100%');
    expect(full).toHaveStyle({ color: COLOR_HEX.green });
    expect(within(table).getByText('50%')).toHaveAttribute('data-status', 'gray');
  });

  it('sorts by a clicked column, then the other way', async () => {
    const user = userEvent.setup();
    const { loader } = fakeLoader({ list: rows });
    render(<Dashboard definition={board} loader={loader} locale="en" people={people} animate={false} />);
    const table = await screen.findByRole('table');
    const firstColumn = () =>
      within(table)
        .getAllByRole('row')
        .slice(1, 4)
        .map((row) => cells(row)[2]);
    await user.click(within(table).getByRole('button', { name: 'objectives' }));
    expect(firstColumn()).toEqual(['2', '3', '10']);
    expect(within(table).getByRole('columnheader', { name: /objectives/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await user.click(within(table).getByRole('button', { name: /objectives/ }));
    expect(firstColumn()).toEqual(['10', '3', '2']);
    expect(within(table).getByRole('columnheader', { name: /objectives/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });
});
