import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type ClickThrough, Dashboard, SERIES_COLORS } from '../src/index.ts';
import { clickRect, fakeLoader, fixture, only, renderChart, widgetOf } from './support.ts';

const okr = fixture('dashboard-okr-overview');
const performance = fixture('dashboard-performance');

describe('click-through', () => {
  it('turns a clicked bar into its group, the dashboard filters and the query filter', async () => {
    const targets: ClickThrough[] = [];
    const board = { ...okr, widgets: okr.widgets.filter((w) => w.id === 'byTeam') };
    const { svg } = await renderChart(
      board,
      {
        byTeam: [
          { team: 'ops', progress: 0.5 },
          { team: 'rnd', progress: 0.8 },
        ],
      },
      { onClickThrough: (target) => targets.push(target) },
    );
    const bars = [...svg.querySelectorAll('path')].filter((p) => p.getAttribute('fill') === SERIES_COLORS[0]);
    clickRect(svg, bars[1] as Element);
    expect(targets).toEqual([
      {
        widgetId: 'byTeam',
        formId: 'okr-objective',
        filters: { team: 'mine', due: { from: '2025-01-01', to: '2025-12-31' } },
        values: { team: 'rnd' },
      },
    ]);
  });

  it('gives a heatmap cell both its group and its time bucket, with the bucket unit', async () => {
    const targets: ClickThrough[] = [];
    const { svg } = await renderChart(
      only(okr, 'calendar'),
      { calendar: [{ team: 'ops', dueDate: '2025-04-01', progress: 0.4 }] },
      { onClickThrough: (target) => targets.push(target) },
    );
    const cell = [...svg.querySelectorAll('path')].find((p) => /^rgb\(/.test(p.getAttribute('fill') ?? ''));
    clickRect(svg, cell as Element);
    expect(targets[0]).toMatchObject({
      formId: 'okr-objective',
      values: { team: 'ops', dueDate: '2025-04-01' },
      bucket: { field: 'dueDate', unit: 'quarter' },
    });
  });

  it('opens a table row, a gap board person, a leaderboard name and a tree node through buttons', async () => {
    const user = userEvent.setup();
    const targets: ClickThrough[] = [];
    const ranking = widgetOf(performance, 'ranking', 'leaderboard');
    const gaps = widgetOf(performance, 'gaps', 'gapBoard');
    const board = {
      ...okr,
      filters: [],
      widgets: [
        ...okr.widgets.filter((w) => w.id === 'list' || w.id === 'tree'),
        { ...ranking, layout: { x: 0, y: 40, w: 6, h: 6 } },
        { ...gaps, layout: { x: 6, y: 40, w: 6, h: 6 } },
      ],
    };
    const { loader } = fakeLoader({
      list: [{ owner: 'u1', status: 'active', objectives: 3, done: 0.5 }],
      tree: [{ $id: 'o1', title: '营收增长', progress: 0.5 }],
      ranking: [{ employee: 'u2', avgScore: 90 }],
      gaps: [{ employee: 'u3', actual: 5, target: 10 }],
    });
    render(
      <Dashboard
        definition={board}
        loader={loader}
        people={[{ id: 'u1', name: '王芳' }]}
        onClickThrough={(target) => targets.push(target)}
        animate={false}
      />,
    );
    const list = await screen.findByRole('region', { name: 'list' });
    await user.click(await within(list).findByRole('button', { name: '王芳' }));
    await user.click(await screen.findByRole('button', { name: '营收增长' }));
    await user.click(await screen.findByRole('button', { name: 'u2' }));
    await user.click(await screen.findByRole('button', { name: 'u3' }));
    expect(targets.map((t) => [t.widgetId, t.formId, t.values, t.recordId, t.filter])).toEqual([
      ['list', 'okr-objective', { owner: 'u1', status: 'active' }, undefined, undefined],
      ['tree', 'okr-objective', {}, 'o1', 'status <> "cancelled"'],
      ['ranking', 'kpi-scorecard', { employee: 'u2' }, undefined, undefined],
      ['gaps', 'kpi-scorecard', { employee: 'u3' }, undefined, undefined],
    ]);
  });

  it('makes nothing clickable when the host does not handle click-through', async () => {
    const { loader } = fakeLoader({ list: [{ owner: 'u1', status: 'active', objectives: 3, done: 0.5 }] });
    render(<Dashboard definition={only(okr, 'list')} loader={loader} animate={false} />);
    const table = await screen.findByRole('table');
    expect(within(table).queryByRole('button', { name: 'u1' })).toBeNull();
  });
});
