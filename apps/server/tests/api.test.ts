import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { checkinForm } from './support/fixtures.ts';
import { BACKENDS, startTestServer, type TestServer } from './support/testServer.ts';

describe.each(BACKENDS)('the API on %s', (backend) => {
  let server: TestServer;
  let designer: Client;
  let member: Client;
  let manager: Client;
  beforeAll(async () => {
    server = await startTestServer(backend);
    designer = await Client.signIn(server.url, 'designer');
    member = await Client.signIn(server.url, 'member');
    manager = await Client.signIn(server.url, 'manager');
  });
  afterAll(() => server.close());

  it('creates, saves, diffs, publishes, restores and clones a definition', async () => {
    const created = await designer.call('POST', '/api/definitions', {
      definition: checkinForm('okr', 'OKR'),
      message: '初版',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'okr', version: 1, author: 'designer', message: '初版' });
    const edited = checkinForm('okr', 'OKR 季度');
    const saved = await designer.call('PUT', '/api/definitions/okr', { definition: edited, baseVersion: 1 });
    expect(saved.body.version).toBe(2);
    expect(saved.body.parentHash).toBe(created.body.hash);
    const stale = await designer.call('PUT', '/api/definitions/okr', {
      definition: checkinForm('okr', 'x'),
      baseVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ baseVersion: 1, currentVersion: 2 });
    expect(stale.body.error.details.patch.length).toBeGreaterThan(0);
    const diff = await designer.call('GET', '/api/definitions/okr/diff?from=1&to=2');
    expect(diff.body.patch).toContainEqual({ op: 'replace', path: '/title/zh-CN', value: 'OKR 季度' });
    expect((await designer.call('POST', '/api/definitions/okr/publish', { version: 2 })).body.state).toBe(
      'published',
    );
    const restored = await designer.call('POST', '/api/definitions/okr/restore', { version: 1 });
    expect(restored.body).toMatchObject({ version: 3, restoredFrom: 1 });
    const history = await designer.call('GET', '/api/definitions/okr/versions?limit=2');
    expect(history.body.total).toBe(3);
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    const clone = await designer.call('POST', '/api/definitions/okr/clone', { newId: 'okr-hr', version: 2 });
    expect(clone.status).toBe(200);
    const info = await designer.call('GET', '/api/definitions/okr-hr');
    expect(info.body.info.lineage).toEqual({ sourceId: 'okr', sourceVersion: 2 });
  });

  it('answers an invalid definition with its issues and pointers', async () => {
    const broken = {
      ...checkinForm('broken'),
      layout: { root: ['fX'], nodes: { fX: { type: 'field', path: 'nope' } } },
    };
    const answer = await designer.inLanguage('en').call('POST', '/api/definitions', { definition: broken });
    expect(answer.status).toBe(422);
    expect(answer.body.error.details).toContainEqual(
      expect.objectContaining({ pointer: '/layout/nodes/fX/path' }),
    );
  });

  it('shows members the published version only, and drafts to nobody but designers', async () => {
    await designer.call('POST', '/api/definitions', { definition: checkinForm('draft-only') });
    expect((await member.call('GET', '/api/definitions/draft-only')).status).toBe(404);
    const list = await member.call('GET', '/api/definitions');
    expect(list.body.map((d: { id: string }) => d.id)).not.toContain('draft-only');
    // Lists carry the title of the version the caller would open, so a list page needs one request.
    expect(list.body.find((d: { id: string }) => d.id === 'checkin').title).toEqual({
      'zh-CN': '周报',
      en: 'Weekly check-in',
    });
    const published = await member.call('GET', '/api/definitions/checkin');
    expect(published.body.version.version).toBe(1);
    expect((await member.call('GET', '/api/definitions/checkin?version=1')).status).toBe(403);
  });

  it('enters, changes, lists and deletes records, keeping their history', async () => {
    const entered = await member.call('POST', '/api/forms/checkin/records', {
      data: { week: '2026-11-16', progress: 30 },
    });
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({
      ownerId: 'member',
      orgUnitId: 'ou-line1',
      revision: 1,
      formVersion: 1,
    });
    const id = entered.body.id;
    const changed = await member.call('PUT', `/api/records/${id}`, {
      data: { week: '2026-11-16', progress: 45 },
      baseRevision: 1,
    });
    expect(changed.body.revision).toBe(2);
    const stale = await member.call('PUT', `/api/records/${id}`, {
      data: { week: '2026-11-16', progress: 50 },
      baseRevision: 1,
    });
    expect(stale.status).toBe(409);
    await member.call('POST', '/api/forms/checkin/records', { data: { week: '2026-11-23', progress: 80 } });
    const list = await member.call(
      'GET',
      `/api/forms/checkin/records?filter=${encodeURIComponent('progress > 40')}&sort=-progress`,
    );
    expect(list.body.records.map((r: { data: { progress: number } }) => r.data.progress)).toEqual([80, 45]);
    const history = await member.call('GET', `/api/records/${id}/history`);
    expect(history.body.map((h: { operation: string }) => h.operation)).toEqual(['create', 'update']);
    expect((await member.call('DELETE', `/api/records/${id}`)).status).toBe(204);
    expect((await member.call('GET', `/api/records/${id}`)).status).toBe(404);
  });

  it('upserts by a key field: inserts, updates, leaves unchanged, and never finds a record out of scope', async () => {
    const push = (client: Client, progress: number) =>
      client.call('POST', '/api/forms/checkin/records/upsert', {
        keyField: 'note',
        data: { week: '2026-11-30', progress, note: `PO-${backend}` },
      });
    const inserted = await push(member, 10);
    expect(inserted.body).toMatchObject({ outcome: 'inserted', record: { ownerId: 'member', revision: 1 } });
    expect((await push(member, 10)).body.outcome).toBe('unchanged');
    const updated = await push(member, 20);
    expect(updated.body).toMatchObject({
      outcome: 'updated',
      record: { id: inserted.body.record.id, revision: 2 },
    });
    // Someone outside the scope never finds (nor learns of) the record: their push is their own record.
    const outsider = await Client.signIn(server.url, 'other');
    const theirs = await push(outsider, 99);
    expect(theirs.body).toMatchObject({ outcome: 'inserted', record: { ownerId: 'other' } });
    expect(theirs.body.record.id).not.toBe(inserted.body.record.id);
    await outsider.call('DELETE', `/api/records/${theirs.body.record.id}`);
    const badKey = await member.call('POST', '/api/forms/checkin/records/upsert', {
      keyField: 'week',
      data: { week: ['2026-11-30'], progress: 1 },
    });
    expect(badKey.status).toBe(422);
    // Five parallel pushes of one new key make one record, not five.
    const parallel = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        member.call('POST', '/api/forms/checkin/records/upsert', {
          keyField: 'note',
          data: { week: '2026-12-07', progress: 5, note: `burst-${backend}` },
        }),
      ),
    );
    expect(parallel.map((answer) => answer.body.outcome).sort()).toEqual([
      'inserted',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    await member.call(
      'DELETE',
      `/api/records/${parallel.find((a) => a.body.outcome === 'inserted')?.body.record.id}`,
    );
    expect((await manager.call('GET', `/api/records/${inserted.body.record.id}`)).body.data.progress).toBe(
      20,
    );
    await member.call('DELETE', `/api/records/${inserted.body.record.id}`);
  });

  it('runs a board query over the records the caller may see', async () => {
    const other = await Client.signIn(server.url, 'other');
    await other.call('POST', '/api/forms/checkin/records', { data: { week: '2026-11-23', progress: 10 } });
    const query = {
      source: 'checkin',
      measures: [
        { id: 'n', op: 'count' },
        { id: 'avg', op: 'avg', field: 'progress' },
      ],
    };
    const mine = await manager.call('POST', '/api/queries', { query });
    expect(mine.status).toBe(200);
    // The manager sees the member's live record (80), not the one outside their team.
    expect(mine.body.rows).toEqual([{ n: 1, avg: 80 }]);
    const admin = await Client.signIn(server.url, 'admin');
    expect((await admin.call('POST', '/api/queries', { query })).body.rows).toEqual([{ n: 2, avg: 45 }]);
    const badQuery = await manager.call('POST', '/api/queries', {
      query: { source: 'checkin', measures: [] },
    });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.details[0].pointer).toBe('/body/query/measures');
  });

  it('keeps every change in a verifiable audit log', async () => {
    const admin = await Client.signIn(server.url, 'admin');
    const entries = await admin.call('GET', '/api/audit?limit=5');
    expect(entries.body).toHaveLength(5);
    expect(entries.body[0].seq).toBeGreaterThan(entries.body[4].seq);
    expect((await admin.call('POST', '/api/audit/verify')).body).toMatchObject({ ok: true });
  });
});
