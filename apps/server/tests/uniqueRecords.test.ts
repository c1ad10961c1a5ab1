import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { BACKENDS, startTestServer, type TestServer } from './support/testServer.ts';

const CSV = { 'content-type': 'text/csv' };
const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Breakthrough points: at most five a year, each rank once (year and rank unique together). */
const breakthrough = (unique: unknown[]) => ({
  kind: 'form',
  id: 'breakthrough',
  schemaVersion: 1,
  title: text('战略突破点', 'Breakthrough point'),
  data: {
    type: 'object',
    properties: {
      year: { type: 'integer', title: text('年度', 'Year') },
      rank: { type: 'integer', minimum: 1, maximum: 5, title: text('优先级', 'Rank') },
      title: { type: 'string', title: text('突破点', 'Breakthrough point') },
    },
    required: ['year', 'rank', 'title'],
  },
  layout: {
    root: ['f1', 'f2', 'f3'],
    nodes: {
      f1: { type: 'field', path: 'year' },
      f2: { type: 'field', path: 'rank' },
      f3: { type: 'field', path: 'title' },
    },
  },
  unique,
});
const YEAR_RANK = {
  id: 'year-rank',
  fields: ['year', 'rank'],
  message: text('同一年的优先级不能重复', 'Each rank is used once a year'),
};

describe.each(BACKENDS)('uniqueness constraints through the API (%s)', (backend) => {
  let server: TestServer;
  let designer: Client;
  let member: Client;
  const records = async () => (await server.store.records.list('breakthrough', { limit: 100 })).records;
  beforeAll(async () => {
    server = await startTestServer(backend);
    designer = await Client.signIn(server.url, 'designer');
    member = await Client.signIn(server.url, 'member');
    const created = await designer.call('POST', '/api/definitions', {
      definition: breakthrough([YEAR_RANK]),
    });
    expect(created.status).toBe(201);
    await designer.call('POST', '/api/definitions/breakthrough/publish', { version: 1 });
  });
  afterAll(() => server.close());

  it('answers a create or update that breaks a constraint with 409, naming it, its fields and the record', async () => {
    const first = await member.call('POST', '/api/forms/breakthrough/records', {
      data: { year: 2026, rank: 1, title: '上市周期' },
    });
    expect(first.status).toBe(201);
    const again = await member.call('POST', '/api/forms/breakthrough/records', {
      data: { year: 2026, rank: 1, title: '第二个第一' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'conflict',
      message: `表单 breakthrough：第 1 行违反唯一约束 year-rank（/year、/rank = 2026、1）：同一年的优先级不能重复。记录 ${first.body.id} 已有相同的值`,
      details: [
        {
          formId: 'breakthrough',
          constraint: 'year-rank',
          fields: ['/year', '/rank'],
          values: [2026, 1],
          message: { 'zh-CN': '同一年的优先级不能重复', en: 'Each rank is used once a year' },
          row: 1,
          records: [first.body.id],
        },
      ],
    });
    const second = await member.call('POST', '/api/forms/breakthrough/records', {
      data: { year: 2026, rank: 2, title: '交付' },
    });
    const moved = await member.inLanguage('en').call('PUT', `/api/records/${second.body.id}`, {
      data: { ...second.body.data, rank: 1 },
      baseRevision: second.body.revision,
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.message).toBe(
      `form breakthrough: breaks the uniqueness constraint year-rank (/year, /rank = 2026, 1): Each rank is used once a year. Record ${first.body.id} already has these values`,
    );
    expect((await records()).map((r) => r.data.rank).sort()).toEqual([1, 2]);
  });

  it('lists an import’s rows that repeat a stored record or an earlier row, and commits none of them', async () => {
    const table = ['年度,优先级,突破点', '2027,1,甲', '2026,1,乙', '2027,2,丙', '2027,1,丁'].join('\n');
    const dryRun = await member
      .inLanguage('en')
      .call('POST', '/api/forms/breakthrough/imports?mode=dryRun', table, CSV);
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({ rows: 4, valid: 2, invalid: 2, inserted: 0 });
    const stored = (await records()).find((r) => r.data.year === 2026 && r.data.rank === 1);
    expect(dryRun.body.issues).toEqual([
      {
        row: 3,
        column: '年度',
        field: 'year',
        message: expect.objectContaining({
          en: `breaks the uniqueness constraint year-rank (/year, /rank = 2026, 1): Each rank is used once a year. Record ${stored?.id} already has these values`,
        }),
      },
      {
        row: 5,
        column: '年度',
        field: 'year',
        message: expect.objectContaining({ 'zh-CN': expect.stringMatching(/。第 2 行已有相同的值$/) }),
      },
    ]);
    const refused = await member.call('POST', '/api/forms/breakthrough/imports?mode=commit', table, CSV);
    expect(refused.body).toMatchObject({ invalid: 2, inserted: 0 });
    const skipped = await member.call(
      'POST',
      '/api/forms/breakthrough/imports?mode=commit&onInvalid=skipInvalid',
      table,
      CSV,
    );
    expect(skipped.body).toMatchObject({ invalid: 2, inserted: 2 });
    expect(skipped.body.rejectedCsv).toContain('第 2 行已有相同的值');
    expect(
      (await records())
        .filter((r) => r.data.year === 2027)
        .map((r) => r.data.title)
        .sort(),
    ).toEqual(['丙', '甲']);
  });

  it('refuses with 409 to publish a constraint the records break, listing them', async () => {
    const saved = await designer.call('PUT', '/api/definitions/breakthrough', {
      definition: breakthrough([YEAR_RANK, { id: 'rank', fields: ['rank'] }]),
      baseVersion: 1,
    });
    const publish = await designer.call('POST', '/api/definitions/breakthrough/publish', {
      version: saved.body.version,
    });
    expect(publish.status).toBe(409);
    expect(publish.body.error.code).toBe('conflict');
    const byRank = new Map<number, string[]>();
    for (const r of await records())
      byRank.set(Number(r.data.rank), [...(byRank.get(Number(r.data.rank)) ?? []), r.id].sort());
    expect(publish.body.error.details).toEqual(
      [...byRank]
        .filter(([, ids]) => ids.length > 1)
        .sort(([a], [b]) => a - b)
        .map(([rank, ids]) => ({
          formId: 'breakthrough',
          constraint: 'rank',
          fields: ['/rank'],
          values: [rank],
          records: ids,
        })),
    );
    expect((await designer.call('GET', '/api/definitions/breakthrough')).body.info.publishedVersion).toBe(1);
  });
});
