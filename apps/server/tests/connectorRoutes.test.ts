import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecretKey, secretBox } from '../src/outbound/secretBox.ts';
import { Client } from './support/client.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

describe('connectors through the API', () => {
  let server: TestServer;
  let erp: Server;
  let admin: Client;
  let erpUrl = '';
  // What the fake ERP answers (its default row when unset).
  let erpRows: Record<string, unknown>[] | undefined;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { secretBox: secretBox(newSecretKey()) });
    erp = createServer((request, response) => {
      const authorized = request.headers.authorization === 'Bearer erp-token';
      response.writeHead(authorized ? 200 : 401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ list: erpRows ?? [{ po: 'PO-9', day: '2026-11-23', pct: 64 }] }));
    });
    await new Promise<void>((resolve) => erp.listen(0, '127.0.0.1', resolve));
    erpUrl = `http://127.0.0.1:${(erp.address() as AddressInfo).port}/progress`;
    admin = await Client.signIn(server.url, 'admin');
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => erp.close(() => resolve()));
    await server.close();
  });

  const connector = () => ({
    name: 'ERP 进度',
    formId: 'checkin',
    url: erpUrl,
    method: 'GET',
    rowsPath: 'list',
    fields: { note: 'po', week: 'day', progress: 'pct' },
    dedupeField: 'note',
    runAs: 'member',
    secrets: { authorization: 'Bearer erp-token' },
  });

  it('stores the secret sealed, shows only header names, and runs only against allowed hosts', async () => {
    const saved = await admin.call('PUT', '/api/connectors/erp', connector());
    expect(saved.status).toBe(200);
    expect(saved.body.secretHeaders).toEqual(['authorization']);
    expect(JSON.stringify(saved.body)).not.toContain('erp-token');
    expect((await server.store.connectors.get('erp')).sealedSecrets).not.toContain('erp-token');

    // The reason in the caller's language (Accept-Language), with a code for programs.
    const refused = await admin.call('POST', '/api/connectors/erp/run');
    expect(refused.body).toMatchObject({
      status: 'failed',
      result: { code: 'outboundRefused', error: '主机 127.0.0.1 不在管理员允许的外部地址列表中' },
    });
    const inEnglish = await admin.inLanguage('en').call('GET', '/api/connectors/erp/runs');
    expect(inEnglish.body[0].result).toEqual({
      code: 'outboundRefused',
      error: "host 127.0.0.1 is not on the admin's list of allowed outbound hosts",
    });

    await admin.call('PUT', '/api/settings/outbound-hosts', [{ host: '127.0.0.1', allowPrivate: true }]);
    const ran = await admin.call('POST', '/api/connectors/erp/run');
    expect(ran.body).toMatchObject({
      status: 'ok',
      trigger: 'manual',
      result: { fetched: 1, inserted: 1, failed: 0 },
    });
    const { records } = await server.store.records.list('checkin', { filter: 'note = "PO-9"' });
    expect(records[0]).toMatchObject({
      ownerId: 'member',
      data: { week: '2026-11-23', progress: 64, note: 'PO-9' },
    });
    const runs = await admin.call('GET', '/api/connectors/erp/runs');
    expect(runs.body.map((r: { status: string }) => r.status)).toEqual(['ok', 'failed']);
  });

  it('names each failed row with a code, its fields and the reason in the caller’s language', async () => {
    erpRows = [
      { po: 'PO-10', day: '2026-11-30', pct: 70 },
      { po: 'PO-11', day: '2026-11-30', pct: 'seventy' },
    ];
    try {
      const ran = await admin.call('POST', '/api/connectors/erp/run');
      expect(ran.body.result).toMatchObject({ fetched: 2, inserted: 1, failed: 1 });
      expect(ran.body.result.errors).toEqual([
        { row: 2, code: 'invalid', fields: ['progress'], message: expect.stringMatching(/^progress：/) },
      ]);
      const [latest] = (await admin.inLanguage('en').call('GET', '/api/connectors/erp/runs')).body;
      expect(latest.result.errors[0].message).toMatch(/^progress: /);
      // Stored in both languages: the answer picks one.
      const [stored] = await server.store.connectors.runs('erp', 1);
      const storedErrors = (stored?.result?.errors ?? []) as { message: unknown }[];
      expect(storedErrors[0]?.message).toEqual({
        'zh-CN': ran.body.result.errors[0].message,
        en: latest.result.errors[0].message,
      });
    } finally {
      erpRows = undefined;
    }
  });

  it('words an unreachable source in both languages', async () => {
    await admin.call('PUT', '/api/connectors/gone', {
      ...connector(),
      url: 'http://127.0.0.1:9/nothing-listens-here',
      secrets: null,
    });
    const ran = await admin.call('POST', '/api/connectors/gone/run');
    expect(ran.body).toMatchObject({
      status: 'failed',
      result: { code: 'unreachable', error: expect.stringMatching(/^无法从数据源读取（ECONNREFUSED）$/) },
    });
  });

  it('keeps the secret when a connector is saved without one, and refuses an unknown form or user', async () => {
    const { secrets: _secrets, ...withoutSecrets } = connector();
    const renamed = await admin.call('PUT', '/api/connectors/erp', { ...withoutSecrets, name: '改名' });
    expect(renamed.body).toMatchObject({ name: '改名', secretHeaders: ['authorization'] });
    expect((await admin.call('POST', '/api/connectors/erp/run')).body.status).toBe('ok');
    const badForm = await admin.call('PUT', '/api/connectors/x', { ...connector(), formId: 'nope' });
    expect(badForm.body.error.details).toEqual([{ pointer: '/body/formId' }]);
    const badUser = await admin.call('PUT', '/api/connectors/x', { ...connector(), runAs: 'nobody' });
    expect(badUser.body.error.details).toEqual([{ pointer: '/body/runAs' }]);
    const badCron = await admin.call('PUT', '/api/connectors/x', {
      ...connector(),
      schedule: { cron: '0 25 * * *', timeZone: 'Asia/Shanghai' },
    });
    expect(badCron.status).toBe(422);
    expect(badCron.body.error.details).toEqual([{ pointer: '/body/schedule/cron' }]);
    const badZone = await admin.call('PUT', '/api/connectors/x', {
      ...connector(),
      schedule: { cron: '0 9 * * *', timeZone: 'Mars/Olympus' },
    });
    expect(badZone.body.error.details).toEqual([{ pointer: '/body/schedule/timeZone' }]);
  });

  it('refuses secrets when the server has no key to seal them', async () => {
    const keyless = await startTestServer('sqlite');
    try {
      const answer = await (await Client.signIn(keyless.url, 'admin')).call(
        'PUT',
        '/api/connectors/erp',
        connector(),
      );
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('secretKeyMissing');
    } finally {
      await keyless.close();
    }
  });
});
