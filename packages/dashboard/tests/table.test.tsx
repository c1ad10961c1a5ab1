import type { FormDefinition } from '@formboard/schema';
import { fireEvent, render, screen, within } from '@testing-library/react';
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

  it('names group columns and choice values from the source form when the host passes it', async () => {
    const objective = {
      kind: 'form',
      id: 'okr-objective',
      schemaVersion: 1,
      title: 'Objective',
      data: {
        type: 'object',
        properties: {
          owner: { type: 'string', format: 'user', title: { 'zh-CN': '负责人', en: 'Owner' } },
          status: {
            type: 'string',
            title: { 'zh-CN': '状态', en: 'Status' },
            oneOf: [
              { const: 'active', title: { 'zh-CN': '进行中', en: 'In progress' } },
              { const: 'done', title: { 'zh-CN': '已完成', en: 'Done' } },
            ],
          },
          progress: { type: 'number', title: { 'zh-CN': '进度', en: 'Progress' } },
        },
      },
      layout: { root: [], nodes: {} },
    } as unknown as FormDefinition;
    const { loader } = fakeLoader({ list: rows });
    render(
      <Dashboard
        definition={board}
        loader={loader}
        locale="zh-CN"
        people={people}
        forms={[objective]}
        animate={false}
      />,
    );
    const table = await screen.findByRole('table');
    const [header, first] = within(table).getAllByRole('row');
    if (!header || !first) throw new Error('rows expected');
    // The listed label wins; the status column takes the field's title, its values their choice titles.
    expect(
      within(header)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['负责人', '状态', 'objectives', 'done']);
    expect(cells(first).slice(0, 2)).toEqual(['Wang Fang', '进行中']);
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

describe('long tables', () => {
  const many = Array.from({ length: 5000 }, (_, i) => ({
    owner: `u${i}`,
    status: i % 2 ? 'active' : 'done',
    objectives: i,
    done: (i % 100) / 100,
  }));
  const list = board.widgets[0];
  if (list?.type !== 'table') throw new Error('table expected');

  it('draws only the rows in view of thousands, and the others when scrolled to', async () => {
    const { columns, showTotals } = list.display ?? {};
    const unpaged = {
      ...board,
      widgets: [
        { ...list, display: { ...(columns ? { columns } : {}), ...(showTotals ? { showTotals } : {}) } },
      ],
    };
    const { loader } = fakeLoader({ list: many });
    render(<Dashboard definition={unpaged} loader={loader} locale="en" animate={false} />);
    const table = await screen.findByRole('table');
    expect(table).toHaveAttribute('aria-rowcount', '5001');
    const drawn = () =>
      within(table)
        .getAllByRole('row')
        .filter((r) => r.hasAttribute('aria-rowindex'));
    expect(drawn().length).toBeLessThan(60);
    expect(within(table).queryByText('u3000')).toBeNull();
    const box = table.parentElement as HTMLElement;
    box.scrollTop = 3000 * 32;
    fireEvent.scroll(box);
    expect(within(table).getByText('u3000').closest('tr')).toHaveAttribute('aria-rowindex', '3002');
    expect(drawn().length).toBeLessThan(60);
  });

  it('pages by the display page size, sorting across all pages', async () => {
    const user = userEvent.setup();
    const { loader } = fakeLoader({ list: many.slice(0, 45) });
    render(<Dashboard definition={board} loader={loader} locale="en" animate={false} />);
    const table = await screen.findByRole('table');
    const firstCell = () => within(table).getAllByRole('row')[1]?.querySelector('td')?.textContent;
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 20 + 1);
    expect(screen.getByText('Page 1 of 3 · 45 rows')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(firstCell()).toBe('u20');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 5 + 1);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.click(within(table).getByRole('button', { name: 'objectives' }));
    await user.click(within(table).getByRole('button', { name: /objectives/ }));
    // Descending over all 45 rows, still on page 3: rows 41–45 are the five smallest.
    expect(firstCell()).toBe('u4');
  });
});
