import { openStore } from '@formboard/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { type ServerProcess, startServerProcess } from './support/serverProcess.ts';
import { freshDatabase, seedTestStore } from './support/testServer.ts';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A board over the check-ins: their count and average progress, and the count per week. */
const board = {
  kind: 'dashboard',
  id: 'shared-board',
  schemaVersion: 1,
  title: text('进度', 'Progress'),
  grid: { columns: 24 },
  filters: [{ type: 'dateRange', id: 'period', fields: { checkin: 'week' }, default: 'thisYear' }],
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
    },
    {
      id: 'weeks',
      type: 'bar',
      layout: { x: 6, y: 0, w: 6, h: 4 },
      query: {
        source: 'checkin',
        timeBucket: { field: 'week', unit: 'week' },
        measures: [{ id: 'n', op: 'count' }],
      },
    },
  ],
};

// Each server process keeps board answers in its own memory (the store's AnswerCache). They stay
// right when records change through another process because every answer is labelled with its form's
// data version, read from the database in the same snapshot as the rows, and each request reads the
// version again: a change made anywhere moves it.
describe('board answers across two server processes on one PostgreSQL database', () => {
  let first: ServerProcess;
  let second: ServerProcess;
  beforeAll(async () => {
    const database = await freshDatabase('postgres');
    const store = await openStore({ database });
    await seedTestStore(store);
    const created = await store.definitions.create(board, { author: 'designer' });
    await store.definitions.publish(board.id, created.version, { author: 'designer' });
    await store.close();
    [first, second] = await Promise.all([
      startServerProcess(['--database', database, '--workflows', 'off']),
      startServerProcess(['--database', database, '--workflows', 'off']),
    ]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('answers with the records another process inserted, updated and deleted since it kept an answer', async () => {
    const admin = await Client.signIn(second.url, 'admin');
    const member = await Client.signIn(first.url, 'member');
    const filters = { period: { from: '2026-11-01', to: '2026-11-30' } };
    const ask = async () =>
      (await admin.call('POST', `/api/dashboards/${board.id}/data`, { filters })).body.widgets;
    const write = (week: string, progress: number) =>
      member.call('POST', '/api/forms/checkin/records', { data: { week, progress } });

    expect(await ask()).toEqual({ progress: { rows: [{ n: 0, avg: null }] }, weeks: { rows: [] } });
    // Kept answers extended by the inserted record.
    const created = await write('2026-11-23', 60);
    expect(created.status).toBe(201);
    expect(await ask()).toEqual({
      progress: { rows: [{ n: 1, avg: 60 }] },
      weeks: { rows: [{ week: '2026-11-23', n: 1 }] },
    });
    await write('2026-11-02', 40);
    expect((await ask()).progress).toEqual({ rows: [{ n: 2, avg: 50 }] });
    // Kept answers recomputed after an update and a delete.
    const updated = await member.call('PUT', `/api/records/${created.body.id}`, {
      data: { week: '2026-11-23', progress: 80 },
      baseRevision: 1,
    });
    expect(updated.status).toBe(200);
    expect((await ask()).progress).toEqual({ rows: [{ n: 2, avg: 60 }] });
    expect((await member.call('DELETE', `/api/records/${created.body.id}`)).status).toBe(204);
    expect(await ask()).toEqual({
      progress: { rows: [{ n: 1, avg: 40 }] },
      weeks: { rows: [{ week: '2026-11-02', n: 1 }] },
    });
  });
});
