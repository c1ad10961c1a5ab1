import { openStore, type Store } from '@formboard/storage';
import { freshSqliteFile } from '@formboard/storage/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seedDemo.ts';
import { recordDeriver } from '../src/records/recordDeriver.ts';
import { Client, EventStream } from './support/client.ts';

type Row = Record<string, unknown>;
const TODAY = new Date('2026-11-27T02:00:00Z'); // a Friday; this week's Monday is 2026-11-23

// Journey 2 through the API: the demo line has goals in the sample company, and a check-in moves
// its key result (the starter pack's workflow) and the key result's computed progress (the server).
describe('the demo line’s goals and the starter pack’s check-in workflow', () => {
  let store: Store;
  let app: FastifyInstance;
  let zhangsan: Client;
  let url: string;
  beforeAll(async () => {
    store = await openStore({ database: freshSqliteFile(), recordDeriver });
    await seedDemo(store, TODAY);
    app = await buildServer({ store, workflows: { outbound: { send: async () => {} }, tickMs: 60_000 } });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    zhangsan = await Client.signIn(url, 'zhangsan', DEMO_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const gaps = async (): Promise<Row[]> =>
    (await zhangsan.call('POST', '/api/dashboards/my-gap/widgets/krGaps/data', {})).body.rows;

  it('gives each of the line a key result under an objective aligned to a company objective', async () => {
    const { records } = await store.records.list('key-result', { ownerIds: ['manager', 'zhangsan', 'lisi'] });
    expect(records.map((r) => r.ownerId).sort()).toEqual(['lisi', 'manager', 'zhangsan', 'zhangsan']);
    const objective = await store.records.get(String(records[0]?.data.objective));
    const company = await store.records.get(String(objective.data.parent));
    expect(company.data).toMatchObject({ level: 'company', title: '交付准时、质量稳定，客户更满意' });
    const checkIns = await store.records.list('check-in', { ownerIds: ['zhangsan'] });
    expect(checkIns.records.map((r) => r.data.week).sort()).toEqual([
      '2026-11-02',
      '2026-11-02',
      '2026-11-09',
      '2026-11-09',
      '2026-11-16',
      '2026-11-16',
    ]);
    // The server computed the check-ins' change.
    expect(checkIns.records.find((r) => r.data.value === 3.5)?.data.change).toBeCloseTo(-0.1);
  });

  it('shows zhangsan the gaps of his own key results', async () => {
    expect(await gaps()).toEqual([
      { title: '工位返工率从 4% 降到 2%', current: 3.5, target: 2, gap: -1.5, progress: 0.25 },
      { title: '拧紧一次合格率从 95% 提升到 99%', current: 96, target: 99, gap: 3, progress: 0.25 },
    ]);
  });

  it('moves the key result, its progress and the board when zhangsan checks in', async () => {
    const [rework] = (await store.records.list('key-result', { filter: 'title = "工位返工率从 4% 降到 2%"' }))
      .records;
    const stream = await EventStream.open(url, '/api/events', zhangsan.cookie);
    const created = await zhangsan.call('POST', '/api/forms/check-in/records', {
      data: { keyResult: rework?.id, owner: 'zhangsan', week: '2026-11-23', value: 3, confidence: 'high' },
    });
    expect(created.status).toBe(201);
    // The check-in, then the workflow's change of the key result: live boards hear about both.
    try {
      expect((await stream.next()).data).toMatchObject({ type: 'record.created', formId: 'check-in' });
      expect((await stream.next()).data).toEqual({
        type: 'record.updated',
        formId: 'key-result',
        recordId: rework?.id,
        ownerId: 'zhangsan',
        orgUnitId: 'ou-line1',
        revision: expect.any(Number),
        byWorkflow: true,
      });
    } finally {
      stream.close();
    }
    const moved = await store.records.get(rework?.id ?? '');
    expect(moved.data).toMatchObject({ current: 3, lastCheckIn: '2026-11-23', progress: 0.5, score: 0.5 });
    expect((await gaps())[0]).toEqual({
      title: '拧紧一次合格率从 95% 提升到 99%',
      current: 96,
      target: 99,
      gap: 3,
      progress: 0.25,
    });
    expect((await gaps())[1]).toEqual({
      title: '工位返工率从 4% 降到 2%',
      current: 3,
      target: 2,
      gap: -1,
      progress: 0.5,
    });
  });
});
