import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { BACKENDS, startTestServer, type TestServer } from './support/testServer.ts';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A key result: progress computed from current and target; a reason shown only while behind. */
const keyResultForm = {
  kind: 'form',
  id: 'kr',
  schemaVersion: 1,
  title: text('关键结果', 'Key result'),
  data: {
    type: 'object',
    properties: {
      code: { type: 'string', title: text('编码', 'Code') },
      target: { type: 'number', title: text('目标值', 'Target') },
      current: { type: 'number', title: text('当前值', 'Current') },
      progress: { type: 'number', minimum: 0, maximum: 1, title: text('进度', 'Progress') },
      reason: { type: 'string', title: text('落后原因', 'Why behind') },
    },
    required: ['code', 'target'],
  },
  layout: {
    root: ['fCode', 'fTarget', 'fCurrent', 'fProgress', 'fReason'],
    nodes: {
      fCode: { type: 'field', path: 'code' },
      fTarget: { type: 'field', path: 'target' },
      fCurrent: { type: 'field', path: 'current' },
      fProgress: { type: 'field', path: 'progress' },
      fReason: { type: 'field', path: 'reason' },
    },
  },
  rules: [{ target: 'reason', visible: 'progress < 0.5' }],
  computed: [{ target: 'progress', formula: 'IF(ISBLANK(current), 0, CLAMP(current / target, 0, 1))' }],
};

describe.each(BACKENDS)('computed fields kept by the server on %s', (backend) => {
  let server: TestServer;
  let member: Client;
  beforeAll(async () => {
    server = await startTestServer(backend);
    const designer = await Client.signIn(server.url, 'designer');
    await designer.call('POST', '/api/definitions', { definition: keyResultForm });
    await designer.call('POST', '/api/definitions/kr/publish', { version: 1 });
    member = await Client.signIn(server.url, 'member');
  });
  afterAll(() => server.close());

  it('computes them on create and update, whatever the writer sent, and drops hidden fields', async () => {
    const created = await member.call('POST', '/api/forms/kr/records', {
      data: { code: 'A', target: 200, current: 50, progress: 1, reason: '设备停机' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({
      code: 'A',
      target: 200,
      current: 50,
      progress: 0.25,
      reason: '设备停机',
    });
    const updated = await member.call('PUT', `/api/records/${created.body.id}`, {
      data: { ...created.body.data, current: 180, progress: 0 },
      baseRevision: 1,
    });
    expect(updated.status).toBe(200);
    // On track now: the reason is hidden by its rule, so it is left out as the browser leaves it out.
    expect(updated.body.data).toEqual({ code: 'A', target: 200, current: 180, progress: 0.9 });
    const stored = await server.store.records.get(created.body.id);
    expect(stored.data.progress).toBe(0.9);
  });

  it('computes them on upserts and imports', async () => {
    const pushed = await member.call('POST', '/api/forms/kr/records/upsert', {
      keyField: 'code',
      data: { code: 'B', target: 10, current: 4, progress: 0.99 },
    });
    expect(pushed.body.record.data.progress).toBe(0.4);
    const again = await member.call('POST', '/api/forms/kr/records/upsert', {
      keyField: 'code',
      data: { code: 'B', target: 10, current: 12 },
    });
    expect(again.body.record.data.progress).toBe(1);
    const csv = ['code,target,current,progress', 'C,100,25,0.9', 'D,100,,0.9'].join('\n');
    const imported = await member.call('POST', '/api/forms/kr/imports?mode=commit', csv, {
      'content-type': 'text/csv',
    });
    expect(imported.body.inserted).toBe(2);
    const { records } = await server.store.records.list('kr', { filter: 'OR(code = "C", code = "D")' });
    expect(Object.fromEntries(records.map((r) => [r.data.code, r.data.progress]))).toEqual({ C: 0.25, D: 0 });
  });
});
