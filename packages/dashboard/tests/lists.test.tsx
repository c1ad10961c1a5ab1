import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { alignmentTreeModel, COLOR_HEX, Dashboard, leaderboardModel } from '../src/index.ts';
import { fakeLoader, fixture, only, widgetOf } from './support.ts';

const performance = fixture('dashboard-performance');
const okr = fixture('dashboard-okr-overview');
const people = [
  { id: 'u1', name: '王芳' },
  { id: 'u2', name: '李强' },
  { id: 'u3', name: '张伟' },
  { id: 'u4', name: '赵敏' },
];

describe('leaderboard', () => {
  const ranking = widgetOf(performance, 'ranking', 'leaderboard');
  const rows = [
    { employee: 'u1', avgScore: 92, $previous: { avgScore: 80 } },
    { employee: 'u2', avgScore: 88, $previous: { avgScore: 95 } },
    { employee: 'u3', avgScore: 88, $previous: { avgScore: 85 } },
    { employee: 'u4', avgScore: 70, $previous: null },
  ];

  it('ranks best first, ties sharing a place, with the rank change since the previous period', () => {
    const entries = leaderboardModel(ranking, rows, (_f, v) => v, 'u3');
    expect(entries.map((e) => [e.key, e.rank, e.previousRank, e.change, e.isNew])).toEqual([
      ['u1', 1, 3, 2, false],
      ['u2', 2, 1, -1, false],
      ['u3', 2, 2, 0, false],
      ['u4', 4, null, null, true],
    ]);
    expect(entries.find((e) => e.isViewer)?.key).toBe('u3');
  });

  it('ranks the lowest first when lower is better', () => {
    const defects = {
      ...ranking,
      thresholds: { higherIsBetter: false, bands: [{ from: 0, color: 'green' as const }] },
    };
    expect(leaderboardModel(defects, rows, (_f, v) => v, undefined).map((e) => e.key)).toEqual([
      'u4',
      'u2',
      'u3',
      'u1',
    ]);
  });

  it('shows names, values, arrows and the viewer highlighted', async () => {
    const { loader } = fakeLoader({ ranking: rows });
    render(
      <Dashboard
        definition={only(performance, 'ranking')}
        loader={loader}
        people={people}
        viewerId="u3"
        animate={false}
      />,
    );
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '名次 1王芳92.0▲2上升 2 名',
      '名次 2李强88.0▼1下降 1 名',
      '名次 2张伟（我）88.0–名次不变',
      '名次 4赵敏70.0新上榜',
    ]);
    expect(items[2]).toHaveAttribute('aria-current', 'true');
    expect(within(items[0] as HTMLElement).getByTitle('上升 2 名')).toHaveStyle({ color: COLOR_HEX.green });
  });
});

describe('alert list', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
  const rows = [
    {
      id: 'a1',
      groupKey: 'u1',
      assigneeId: 'u4',
      status: 'open',
      openedAt: hoursAgo(30),
      title: '连续两周低于基线',
    },
    {
      id: 'a2',
      groupKey: 'u2',
      assigneeId: 'u4',
      status: 'acknowledged',
      openedAt: hoursAgo(50),
      acknowledgedAt: hoursAgo(47),
      secondsToAcknowledge: 3 * 3600,
      severity: 'critical',
      title: { 'zh-CN': '设备停机', en: 'Machine down' },
    },
    { id: 'a3', groupKey: 'u3', status: 'open', openedAt: hoursAgo(2), severity: 'info', title: 'FYI' },
    {
      id: 'a4',
      groupKey: 'u3',
      status: 'closed',
      openedAt: hoursAgo(90),
      closedAt: hoursAgo(80),
      title: 'old',
    },
    { id: 'a5', groupKey: 'u1', status: 'open', openedAt: hoursAgo(0.75), title: '刚刚' },
  ];

  it('lists open alerts of the chosen severities, most severe and oldest first, with age and response', async () => {
    const { loader, calls } = fakeLoader({ alerts: rows });
    render(
      <Dashboard
        definition={only(okr, 'alerts')}
        loader={loader}
        people={people}
        now={() => now}
        animate={false}
      />,
    );
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(calls.map((c) => c.widgetId)).toEqual(['alerts']);
    // Info alerts are not among the display's severities; closed ones are not open.
    expect(items.map((li) => li.textContent)).toEqual([
      '严重设备停机 · 李强已持续 2天 · 负责人 赵敏 · 3小时后响应',
      '警告连续两周低于基线 · 王芳已持续 30小时 · 负责人 赵敏 · 超过 24 小时未响应',
      '警告刚刚 · 王芳已持续 45分钟 · 尚未响应',
    ]);
    expect(items[1]).toHaveAttribute('data-overdue', 'true');
    expect(within(items[1] as HTMLElement).getByText('超过 24 小时未响应')).toHaveStyle({
      color: COLOR_HEX.red,
    });
  });

  it('says all is clear, and what will happen, when nothing is open', async () => {
    const { loader } = fakeLoader({ alerts: [] });
    render(<Dashboard definition={only(okr, 'alerts')} loader={loader} locale="en" animate={false} />);
    expect(await screen.findByText('No open alerts')).toBeInTheDocument();
    expect(screen.getByText(/new alerts appear here automatically/)).toBeInTheDocument();
  });
});

describe('alignment tree', () => {
  const tree = widgetOf(okr, 'tree', 'alignmentTree');
  const rows = [
    { $id: 'o1', title: '年度营收增长 20%', owner: 'u4', progress: 0.5 },
    { $id: 'o2', title: '华东区签约 50 家', owner: 'u1', progress: 0.85, parent: 'o1' },
    { $id: 'o3', title: '新品上市', owner: 'u2', progress: 1, parent: 'o1' },
    { $id: 'o4', title: '渠道培训', owner: 'u3', progress: 0.2, parent: 'o2' },
    { $id: 'o5', title: '孤立目标', owner: 'u3', progress: null, parent: 'gone' },
  ];

  it('nests objectives under their parents; a missing parent makes a root, a loop is cut once', () => {
    const roots = alignmentTreeModel(tree, rows);
    expect(roots.map((n) => n.id)).toEqual(['o1', 'o5']);
    expect(roots[0]?.children.map((n) => [n.id, n.depth])).toEqual([
      ['o2', 1],
      ['o3', 1],
    ]);
    const loop = alignmentTreeModel(tree, [
      { $id: 'a', title: 'A', parent: 'b' },
      { $id: 'b', title: 'B', parent: 'a' },
    ]);
    expect(loop.map((n) => [n.id, n.children.map((c) => c.id)])).toEqual([['a', ['b']]]);
  });

  it('shows the first two levels with owners and progress colours; deeper levels open on demand', async () => {
    const user = userEvent.setup();
    const { loader } = fakeLoader({ tree: rows });
    render(<Dashboard definition={only(okr, 'tree')} loader={loader} people={people} animate={false} />);
    const bars = await screen.findAllByRole('progressbar');
    expect(bars.map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-valuenow')])).toEqual([
      ['年度营收增长 20%', '50'],
      ['华东区签约 50 家', '85'],
      ['新品上市', '100'],
    ]);
    expect(screen.getByText('赵敏')).toBeInTheDocument();
    expect(screen.queryByText('渠道培训')).toBeNull();
    const toggle = screen.getByRole('button', { name: '展开“华东区签约 50 家”' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(screen.getByText('渠道培训')).toBeInTheDocument();
    const done = screen.getByRole('progressbar', { name: '新品上市' }).firstElementChild;
    expect(done).toHaveStyle({ background: COLOR_HEX.green });
  });
});

describe('nine-box', () => {
  const rows = [
    { employee: 'u1', achievement: 1.2, score: 90 },
    { employee: 'u2', achievement: 0.5, score: 40 },
    { employee: 'u3', achievement: 0.9, score: 70 },
    { employee: 'u4', achievement: 1.0, score: 59.9 },
    { employee: 'u5', achievement: null, score: 80 },
  ];

  it('places people in the boxes by their two measures, top row first, and counts the unplaced', async () => {
    const { loader } = fakeLoader({ talent: rows });
    render(
      <Dashboard
        definition={only(performance, 'talent')}
        loader={loader}
        people={people}
        locale="en"
        animate={false}
      />,
    );
    const star = await screen.findByRole('region', { name: 'Star (1)' });
    expect(within(star).getByText('王芳')).toBeInTheDocument();
    expect(star).toHaveAttribute('data-color', 'green');
    expect(
      within(screen.getByRole('region', { name: 'Talent risk (1)' })).getByText('李强'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Core player (1)' })).getByText('张伟'),
    ).toBeInTheDocument();
    // 1.0 reaches the high achievement band; 59.9 stays below the middle score band.
    expect(
      within(screen.getByRole('region', { name: 'Trusted professional (1)' })).getByText('赵敏'),
    ).toBeInTheDocument();
    const boxes = [...document.querySelectorAll('[data-box]')].map((b) => b.getAttribute('data-box'));
    expect(boxes).toEqual(['6', '7', '8', '3', '4', '5', '0', '1', '2']);
    expect(screen.getByText(/1 not placed/)).toBeInTheDocument();
    expect(screen.getByText('Achievement →')).toBeInTheDocument();
  });
});
