import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDatePreset } from '../src/dashboards/datePresets.ts';
import { Client } from './support/client.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const board = {
  kind: 'dashboard',
  id: 'team-board',
  schemaVersion: 1,
  title: { 'zh-CN': '团队进度', en: 'Team progress' },
  grid: { columns: 24 },
  filters: [
    { type: 'dateRange', id: 'period', fields: { checkin: 'week' }, default: 'thisYear' },
    { type: 'person', id: 'who', fields: { checkin: 'week' }, default: 'all' },
  ],
  sharing: { roles: ['manager'] },
  widgets: [
    {
      id: 'progress',
      type: 'kpi',
      layout: { x: 0, y: 0, w: 6, h: 4 },
      query: {
        source: 'checkin',
        measures: [
          { id: 'n', op: 'count' },
          { id: 'avg', op: 'avg', field: 'progress' },
        ],
      },
      display: { measure: 'avg' },
    },
    {
      id: 'note',
      type: 'text',
      layout: { x: 6, y: 0, w: 6, h: 4 },
      content: { 'zh-CN': '说明', en: 'Notes' },
    },
  ],
};

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

// A bonus form whose amounts managers may not see, and a board over it shared with managers.
const bonusForm = {
  kind: 'form',
  id: 'bonus',
  schemaVersion: 1,
  title: text('奖金', 'Bonus'),
  data: {
    type: 'object',
    properties: { amount: { type: 'number', title: text('金额', 'Amount') } },
    required: ['amount'],
  },
  layout: { root: ['a'], nodes: { a: { type: 'field', path: 'amount' } } },
  access: { hiddenFields: { manager: ['amount'] } },
};
const bonusBoard = {
  kind: 'dashboard',
  id: 'bonus-board',
  schemaVersion: 1,
  title: text('奖金看板', 'Bonus board'),
  grid: { columns: 24 },
  sharing: { roles: ['manager'] },
  widgets: [
    {
      id: 'total',
      type: 'kpi',
      layout: { x: 0, y: 0, w: 6, h: 4 },
      query: { source: 'bonus', measures: [{ id: 'total', op: 'sum', field: 'amount' }] },
    },
    {
      id: 'count',
      type: 'kpi',
      layout: { x: 6, y: 0, w: 6, h: 4 },
      query: { source: 'bonus', measures: [{ id: 'n', op: 'count' }] },
    },
  ],
};

describe('dashboard widget data', () => {
  let server: TestServer;
  const data = '/api/dashboards/team-board/widgets/progress/data';
  beforeAll(async () => {
    server = await startTestServer();
    const created = await server.store.definitions.create(board, { author: 'designer' });
    await server.store.definitions.publish('team-board', created.version, { author: 'designer' });
    for (const definition of [bonusForm, bonusBoard]) {
      const saved = await server.store.definitions.create(definition, { author: 'designer' });
      await server.store.definitions.publish(definition.id, saved.version, { author: 'designer' });
    }
    await server.store.records.insert(
      'bonus',
      { amount: 5000 },
      { actor: 'admin', ownerId: 'manager', orgUnitId: null },
    );
    for (const [owner, week, progress] of [
      ['member', '2026-11-02', 40],
      ['member', '2026-11-23', 60],
      ['intern', '2026-11-23', 20],
      ['other', '2026-11-23', 90],
    ] as const)
      await server.store.records.insert(
        'checkin',
        { week, progress },
        { actor: owner, ownerId: owner, orgUnitId: null },
      );
  });
  afterAll(() => server.close());

  it('shows a shared board to its roles only, over the records each viewer may see', async () => {
    const manager = await Client.signIn(server.url, 'manager');
    const fixed = { filters: { period: { from: '2026-01-01', to: '2026-12-31' } } };
    expect((await manager.call('POST', data, fixed)).body.rows).toEqual([{ n: 3, avg: 40 }]);
    const admin = await Client.signIn(server.url, 'admin');
    expect((await admin.call('POST', data, fixed)).body.rows).toEqual([{ n: 4, avg: 52.5 }]);
    const member = await Client.signIn(server.url, 'member');
    expect((await member.call('POST', data, fixed)).status).toBe(404);
  });

  it('applies the viewer’s filter values: a date range (inclusive) and people', async () => {
    const manager = await Client.signIn(server.url, 'manager');
    const lateNovember = await manager.call('POST', data, {
      filters: { period: { from: '2026-11-23', to: '2026-11-23' } },
    });
    expect(lateNovember.body.rows).toEqual([{ n: 2, avg: 40 }]);
    const reports = await manager.call('POST', data, {
      filters: { period: { from: '2026-01-01', to: '2026-12-31' }, who: ['intern'] },
    });
    expect(reports.body.rows).toEqual([{ n: 1, avg: 20 }]);
    // Asking for someone outside one's scope yields nothing rather than their data.
    const outsider = await manager.call('POST', data, {
      filters: { period: { from: '2026-01-01', to: '2026-12-31' }, who: ['other'] },
    });
    expect(outsider.body.rows).toEqual([{ n: 0, avg: null }]);
    const bad = await manager.call('POST', data, { filters: { who: 'everyone' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].pointer).toBe('/body/filters/who');
  });

  it('answers a widget without a query, and an unknown widget, precisely', async () => {
    const admin = await Client.signIn(server.url, 'admin');
    expect(
      (await admin.call('POST', '/api/dashboards/team-board/widgets/note/data', {})).body.error.code,
    ).toBe('noQuery');
    expect((await admin.call('POST', '/api/dashboards/team-board/widgets/nope/data', {})).status).toBe(404);
  });

  it('answers many widgets in one request, each with its rows or its own error', async () => {
    const admin = await Client.signIn(server.url, 'admin');
    const fixed = { filters: { period: { from: '2026-01-01', to: '2026-12-31' } } };
    const batch = await admin.call('POST', '/api/dashboards/team-board/data', {
      ...fixed,
      widgetIds: ['progress', 'note', 'nope'],
    });
    expect(batch.status).toBe(200);
    expect(batch.body.widgets.progress).toEqual({ rows: [{ n: 4, avg: 52.5 }] });
    expect(batch.body.widgets.note.error).toMatchObject({ status: 422, code: 'noQuery' });
    expect(batch.body.widgets.nope.error).toMatchObject({ status: 404, code: 'notFound' });
    // Without widget ids: every widget with a query. A viewer the board is not shared with: 404.
    const all = await admin.call('POST', '/api/dashboards/team-board/data', fixed);
    expect(Object.keys(all.body.widgets)).toEqual(['progress']);
    const member = await Client.signIn(server.url, 'member');
    expect((await member.call('POST', '/api/dashboards/team-board/data', fixed)).status).toBe(404);
  });

  it('gives each viewer the answer of their own record scope, whoever asked first', async () => {
    const admin = await Client.signIn(server.url, 'admin');
    const manager = await Client.signIn(server.url, 'manager');
    const filters = { period: { from: '2026-11-01', to: '2026-11-30' } };
    const ask = async (client: Client) =>
      (await client.call('POST', '/api/dashboards/team-board/data', { filters })).body.widgets.progress;
    expect(await ask(admin)).toEqual({ rows: [{ n: 4, avg: 52.5 }] });
    expect(await ask(manager)).toEqual({ rows: [{ n: 3, avg: 40 }] });
    await server.store.records.insert(
      'checkin',
      { week: '2026-11-24', progress: 100 },
      { actor: 'other', ownerId: 'other', orgUnitId: null },
    );
    expect(await ask(manager)).toEqual({ rows: [{ n: 3, avg: 40 }] });
    expect(await ask(admin)).toEqual({ rows: [{ n: 5, avg: 62 }] });
  });

  it('never shows a hidden field, even after a viewer allowed to see it asked', async () => {
    const admin = await Client.signIn(server.url, 'admin');
    const manager = await Client.signIn(server.url, 'manager');
    const board = '/api/dashboards/bonus-board/data';
    expect((await admin.call('POST', board, {})).body.widgets).toEqual({
      total: { rows: [{ total: 5000 }] },
      count: { rows: [{ n: 1 }] },
    });
    const seen = (await manager.call('POST', board, {})).body.widgets;
    expect(seen.total.error).toMatchObject({
      status: 403,
      code: 'hiddenField',
      details: { field: 'amount' },
    });
    expect(seen.count).toEqual({ rows: [{ n: 1 }] });
    const single = await manager.call('POST', '/api/dashboards/bonus-board/widgets/total/data', {});
    expect(single.status).toBe(403);
  });

  it('resolves relative date ranges in the filter’s time zone, weeks from Monday', () => {
    const friday = Date.parse('2026-11-27T04:00:00Z');
    expect(resolveDatePreset('thisWeek', 'Asia/Shanghai', friday)).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(resolveDatePreset('lastWeek', 'Asia/Shanghai', friday)).toEqual({
      from: '2026-11-16',
      to: '2026-11-22',
    });
    expect(resolveDatePreset('lastMonth', 'Asia/Shanghai', friday)).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(resolveDatePreset('thisQuarter', 'Asia/Shanghai', friday)).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(resolveDatePreset('lastQuarter', 'Asia/Shanghai', friday)).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(resolveDatePreset('last7Days', 'Asia/Shanghai', friday)).toEqual({
      from: '2026-11-21',
      to: '2026-11-27',
    });
    expect(resolveDatePreset('last12Months', 'Asia/Shanghai', friday)).toEqual({
      from: '2025-11-28',
      to: '2026-11-27',
    });
    // Sunday 17:00 UTC is already Monday in Shanghai: a new week there.
    const sundayEvening = Date.parse('2026-11-29T17:00:00Z');
    expect(resolveDatePreset('thisWeek', 'Asia/Shanghai', sundayEvening)).toEqual({
      from: '2026-11-30',
      to: '2026-12-06',
    });
    expect(resolveDatePreset('thisWeek', 'UTC', sundayEvening)).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
    });
  });
});
