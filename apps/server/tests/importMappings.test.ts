import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { BACKENDS, startTestServer, type TestServer } from './support/testServer.ts';

const CSV = { 'content-type': 'text/csv' };
const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

// A review form whose bonus is hidden from members: a member's saved mapping must neither show nor
// lose the column an admin mapped to it.
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
      comment: { type: 'string', title: text('评语', 'Comment') },
    },
    required: ['score'],
  },
  layout: {
    root: ['fScore', 'fBonus', 'fComment'],
    nodes: {
      fScore: { type: 'field', path: 'score' },
      fBonus: { type: 'field', path: 'bonus' },
      fComment: { type: 'field', path: 'comment' },
    },
  },
  access: { hiddenFields: { member: ['bonus'] } },
};

// An ERP export's headers: none matches a check-in field by label, so HR maps them by hand once.
const erpFile = ['工号,周次日期,完成率,备注', 'E01,2026-11-02,30,开局', 'E02,2026-11-09,40,'].join('\n');
const erpMapping = [null, 'week', 'progress', 'note'];

describe.each(BACKENDS)('saved import column mappings (%s)', (backend) => {
  let server: TestServer;
  let member: Client;
  let other: Client;
  const imports = (query: string, form = 'checkin') => `/api/forms/${form}/imports?${query}`;
  const mappingQuery = (mapping: readonly (string | null)[]) =>
    `mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
  beforeAll(async () => {
    server = await startTestServer(backend);
    const created = await server.store.definitions.create(review, { author: 'designer' });
    await server.store.definitions.publish('review', created.version, { author: 'designer' });
    member = await Client.signIn(server.url, 'member');
    other = await Client.signIn(server.url, 'other');
  });
  afterAll(() => server.close());

  it('saves the mapping an importer chose on commit and applies it to the next file with those headers', async () => {
    const first = await member.call('POST', imports('mode=dryRun'), erpFile, CSV);
    expect(first.body).toMatchObject({ mapping: [null, null, null, null], mappingSaved: false });
    expect(first.body.savedMapping).toBeUndefined();

    const committed = await member.call(
      'POST',
      imports(`mode=commit&${mappingQuery(erpMapping)}`),
      erpFile,
      CSV,
    );
    expect(committed.body).toMatchObject({ inserted: 2, mappingSaved: true });

    // Someone else, next week, with the same headers: the saved mapping is applied and named.
    const next = await other.call('POST', imports('mode=dryRun'), erpFile, CSV);
    expect(next.body).toMatchObject({
      mapping: erpMapping,
      valid: 2,
      savedMapping: { headers: ['工号', '周次日期', '完成率', '备注'], updatedBy: 'member', exact: true },
    });
    const listed = await other.call('GET', '/api/forms/checkin/import-mappings');
    expect(listed.body.mappings).toEqual([
      expect.objectContaining({ signature: next.body.savedMapping.signature, fields: erpMapping }),
    ]);
  });

  it('applies it to a file whose columns moved or that gained columns', async () => {
    const moved = ['完成率 *,周次日期,工号,备注', '50,2026-11-16,E03,换了列序'].join('\n');
    const same = await member.call('POST', imports('mode=dryRun'), moved, CSV);
    expect(same.body).toMatchObject({
      mapping: ['progress', 'week', null, 'note'],
      savedMapping: { exact: true },
    });
    const wider = ['完成率,姓名,周次日期,工号,备注', '50,张三,2026-11-16,E03,加了一列'].join('\n');
    const answer = await member.call('POST', imports('mode=dryRun'), wider, CSV);
    expect(answer.body).toMatchObject({
      mapping: ['progress', null, 'week', null, 'note'],
      valid: 1,
      savedMapping: { exact: false },
    });
  });

  it('can be ignored for one import, and is replaced by a commit with another mapping', async () => {
    const ignored = await member.call('POST', imports('mode=dryRun&savedMapping=ignore'), erpFile, CSV);
    expect(ignored.body.mapping).toEqual([null, null, null, null]);
    expect(ignored.body.savedMapping).toBeUndefined();

    // The same mapping again saves nothing new; a different one replaces it for these headers.
    const same = await member.call('POST', imports(`mode=commit&${mappingQuery(erpMapping)}`), erpFile, CSV);
    expect(same.body).toMatchObject({ inserted: 2, mappingSaved: false });
    const noNote = [null, 'week', 'progress', null];
    const replaced = await member.call('POST', imports(`mode=commit&${mappingQuery(noNote)}`), erpFile, CSV);
    expect(replaced.body).toMatchObject({ inserted: 2, mappingSaved: true });
    const listed = await member.call('GET', '/api/forms/checkin/import-mappings');
    expect(listed.body.mappings.map((m: { fields: unknown }) => m.fields)).toEqual([noNote]);
    // A new column of a wider file is matched by its label to a field the saved mapping left free.
    const wider = ['工号,周次日期,完成率,备注,说明', 'E04,2026-11-23,60,,按标签对应'].join('\n');
    const answer = await member.call('POST', imports('mode=dryRun'), wider, CSV);
    expect(answer.body).toMatchObject({
      mapping: [null, 'week', 'progress', null, 'note'],
      savedMapping: { exact: false },
    });
  });

  it('is not saved by a dry run or by a commit that wrote nothing', async () => {
    const headers = '编号,日期,比例';
    const mapping = [null, 'week', 'progress'];
    await member.call(
      'POST',
      imports(`mode=dryRun&${mappingQuery(mapping)}`),
      `${headers}\nA,2026-11-02,5`,
      CSV,
    );
    const refused = await member.call(
      'POST',
      imports(`mode=commit&${mappingQuery(mapping)}`),
      `${headers}\nA,2026-11-02,500`,
      CSV,
    );
    expect(refused.body).toMatchObject({ inserted: 0, mappingSaved: false });
    const listed = await member.call('GET', '/api/forms/checkin/import-mappings');
    expect(listed.body.mappings).toHaveLength(1);
  });

  it('is forgotten on request, by anyone who may import into the form', async () => {
    const [saved] = (await member.call('GET', '/api/forms/checkin/import-mappings')).body.mappings;
    const path = `/api/forms/checkin/import-mappings/${saved.signature}`;
    expect((await other.call('DELETE', path)).status).toBe(204);
    expect((await other.call('DELETE', path)).status).toBe(404);
    const after = await member.call('POST', imports('mode=dryRun'), erpFile, CSV);
    expect(after.body.savedMapping).toBeUndefined();
    expect(after.body.mapping).toEqual([null, null, null, null]);
    expect((await new Client(server.url).call('GET', '/api/forms/checkin/import-mappings')).status).toBe(401);
    expect((await member.call('GET', '/api/forms/nope/import-mappings')).status).toBe(404);
  });

  it('never shows a field hidden from the importer, and keeps it when they save their own', async () => {
    const admin = await Client.signIn(server.url, 'admin');
    const file = ['分数,金额,意见', '90,800,好'].join('\n');
    const byAdmin = await admin.call(
      'POST',
      imports(`mode=commit&${mappingQuery(['score', 'bonus', null])}`, 'review'),
      file,
      CSV,
    );
    expect(byAdmin.body).toMatchObject({ inserted: 1, mappingSaved: true });
    const seen = await member.call('GET', '/api/forms/review/import-mappings');
    expect(seen.body.mappings[0].fields).toEqual(['score', null, null]);
    const check = await member.call('POST', imports('mode=dryRun', 'review'), file, CSV);
    expect(check.body.mapping).toEqual(['score', null, null]);

    const byMember = await member.call(
      'POST',
      imports(`mode=commit&${mappingQuery(['score', null, 'comment'])}`, 'review'),
      file,
      CSV,
    );
    expect(byMember.body).toMatchObject({ inserted: 1, mappingSaved: true });
    const kept = await admin.call('GET', '/api/forms/review/import-mappings');
    expect(kept.body.mappings[0].fields).toEqual(['score', 'bonus', 'comment']);
  });
});
