import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

// A review form whose bonus is hidden from members and managers, and whose records members see
// across their org unit (not only their own).
const review = {
  kind: 'form',
  id: 'review',
  schemaVersion: 1,
  title: text('季度评价', 'Quarterly review'),
  data: {
    type: 'object',
    properties: {
      score: { type: 'number', minimum: 0, maximum: 100, title: text('得分', 'Score') },
      bonus: { type: 'number', minimum: 0, title: text('奖金', 'Bonus') },
    },
    required: ['score'],
  },
  layout: {
    root: ['fScore', 'fBonus'],
    nodes: { fScore: { type: 'field', path: 'score' }, fBonus: { type: 'field', path: 'bonus' } },
  },
  access: { recordScope: { member: 'orgUnit' }, hiddenFields: { member: ['bonus'], manager: ['bonus'] } },
};

describe('per-form record scopes and hidden fields', () => {
  let server: TestServer;
  let admin: Client;
  let member: Client;
  let manager: Client;
  let memberRecord = '';
  beforeAll(async () => {
    server = await startTestServer();
    const created = await server.store.definitions.create(review, { author: 'designer' });
    await server.store.definitions.publish('review', created.version, { author: 'designer' });
    admin = await Client.signIn(server.url, 'admin');
    member = await Client.signIn(server.url, 'member');
    manager = await Client.signIn(server.url, 'manager');
    memberRecord = (
      await admin.call('POST', '/api/forms/review/records', {
        data: { score: 88, bonus: 5000 },
        ownerId: 'member',
      })
    ).body.id;
    await admin.call('POST', '/api/forms/review/records', {
      data: { score: 70, bonus: 3000 },
      ownerId: 'intern',
    });
    await admin.call('POST', '/api/forms/review/records', {
      data: { score: 60, bonus: 1000 },
      ownerId: 'other',
    });
  });
  afterAll(() => server.close());

  it('never shows a hidden field: record, list, history and export', async () => {
    expect((await member.call('GET', `/api/records/${memberRecord}`)).body.data).toEqual({ score: 88 });
    expect((await admin.call('GET', `/api/records/${memberRecord}`)).body.data).toEqual({
      score: 88,
      bonus: 5000,
    });
    const list = await member.call('GET', '/api/forms/review/records');
    expect(list.body.records.every((r: { data: object }) => !('bonus' in r.data))).toBe(true);
    const history = await member.call('GET', `/api/records/${memberRecord}/history`);
    expect(history.body[0].data).toEqual({ score: 88 });
    const exported = await member.inLanguage('en').call('GET', '/api/forms/review/records/export');
    expect(exported.body.replace('\uFEFF', '').split('\r\n')[0]).toBe('Score,Owner,Submitted at,Record id');
  });

  it('refuses reading a hidden field through filters, sorting and queries', async () => {
    const filtered = await member.call(
      'GET',
      `/api/forms/review/records?filter=${encodeURIComponent('bonus > 1000')}`,
    );
    expect(filtered.status).toBe(403);
    expect(filtered.body.error).toMatchObject({ code: 'hiddenField', details: { field: 'bonus' } });
    expect((await member.call('GET', '/api/forms/review/records?sort=-bonus')).status).toBe(403);
    const query = { source: 'review', measures: [{ id: 'total', op: 'sum', field: 'bonus' }] };
    expect((await manager.call('POST', '/api/queries', { query })).status).toBe(403);
    expect((await admin.call('POST', '/api/queries', { query })).body.rows).toEqual([{ total: 9000 }]);
    // Counting records in and out of date ranges on a hidden field would reveal it, too.
    const count = { source: 'review', measures: [{ id: 'n', op: 'count' }] };
    const probing = await manager.call('POST', '/api/queries', {
      query: count,
      filters: { dateRange: { field: 'bonus', from: '2026-01-01' } },
    });
    expect(probing.status).toBe(403);
  });

  it('refuses setting a hidden field and keeps its value when the rest changes', async () => {
    const sneaky = await member.call('PUT', `/api/records/${memberRecord}`, {
      data: { score: 90, bonus: 99999 },
      baseRevision: 1,
    });
    expect(sneaky.status).toBe(403);
    const honest = await member.call('PUT', `/api/records/${memberRecord}`, {
      data: { score: 90 },
      baseRevision: 1,
    });
    expect(honest.body.data).toEqual({ score: 90 });
    expect((await admin.call('GET', `/api/records/${memberRecord}`)).body.data).toEqual({
      score: 90,
      bonus: 5000,
    });
    expect(
      (await member.call('POST', '/api/forms/review/records', { data: { score: 1, bonus: 1 } })).status,
    ).toBe(403);
  });

  it('applies the form’s record scope: members see their org unit here, only their own elsewhere', async () => {
    const owners = (await member.call('GET', '/api/forms/review/records')).body.records.map(
      (r: { ownerId: string }) => r.ownerId,
    );
    expect(owners.sort()).toEqual(['intern', 'member']);
    await admin.call('POST', '/api/forms/checkin/records', {
      data: { week: '2026-11-23', progress: 1 },
      ownerId: 'intern',
    });
    const checkins = (await member.call('GET', '/api/forms/checkin/records')).body.records;
    expect(checkins.filter((r: { ownerId: string }) => r.ownerId === 'intern')).toEqual([]);
  });
});
