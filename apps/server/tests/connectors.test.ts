import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorConfig } from '../src/connectors/connectorConfig.ts';
import { runConnector } from '../src/connectors/runConnector.ts';
import { newSecretKey, secretBox } from '../src/outbound/secretBox.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

// A fake ERP on 127.0.0.1: it answers rows only with the right token.
let rows: unknown[] = [];
function fakeErp(): Server {
  return createServer((request, response) => {
    if (request.headers.authorization !== 'Bearer erp-token') {
      response.writeHead(401).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ code: 0, data: { list: rows } }));
  });
}

describe('HTTP pull connectors', () => {
  let server: TestServer;
  let erp: Server;
  let connector: ConnectorConfig;
  const allowed = [{ host: '127.0.0.1', allowPrivate: true }];
  const secrets = { authorization: 'Bearer erp-token' };
  beforeAll(async () => {
    server = await startTestServer();
    erp = fakeErp();
    await new Promise<void>((resolve) => erp.listen(0, '127.0.0.1', resolve));
    connector = {
      id: 'erp-weekly',
      name: 'ERP 周进度',
      formId: 'checkin',
      url: `http://127.0.0.1:${(erp.address() as AddressInfo).port}/api/progress`,
      method: 'GET',
      rowsPath: 'data.list',
      fields: { note: 'ref', week: 'period.start', progress: 'pct' },
      dedupeField: 'note',
      runAs: 'member',
    };
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => erp.close(() => resolve()));
    await server.close();
  });

  it('inserts new rows, updates changed ones by the dedupe field, and reports bad rows', async () => {
    rows = [
      { ref: 'PO-1', period: { start: '2026-11-02' }, pct: 10 },
      { ref: 'PO-2', period: { start: '2026-11-02' }, pct: 20 },
      { ref: 'PO-3', period: { start: 'not a date' }, pct: 30 },
    ];
    const first = await runConnector(server.store, connector, secrets, allowed);
    expect(first).toMatchObject({ fetched: 3, inserted: 2, updated: 0, failed: 1 });
    // The bad row named, in both languages.
    expect(first.errors[0]).toMatchObject({
      row: 3,
      code: 'invalid',
      fields: ['week'],
      message: { 'zh-CN': expect.stringContaining('week：'), en: expect.stringContaining('week: ') },
    });
    rows = [
      { ref: 'PO-1', period: { start: '2026-11-02' }, pct: 10 },
      { ref: 'PO-2', period: { start: '2026-11-02' }, pct: 25 },
    ];
    const second = await runConnector(server.store, connector, secrets, allowed);
    expect(second).toMatchObject({ fetched: 2, inserted: 0, updated: 1, unchanged: 1, failed: 0 });
    const { records } = await server.store.records.list('checkin');
    expect(records.map((r) => [r.data.note, r.data.progress, r.ownerId]).sort()).toEqual([
      ['PO-1', 10, 'member'],
      ['PO-2', 25, 'member'],
    ]);
  });

  it('treats a dedupe value as data, never as formula text', async () => {
    rows = [{ ref: 'x" OR TRUE OR "', period: { start: '2026-11-09' }, pct: 1 }];
    const result = await runConnector(server.store, connector, secrets, allowed);
    expect(result).toMatchObject({ inserted: 1, updated: 0 });
  });

  it('refuses a source the admin has not allowed, and a source that rejects the token', async () => {
    await expect(runConnector(server.store, connector, secrets, [])).rejects.toThrow(
      /not on the admin's list/,
    );
    await expect(runConnector(server.store, connector, {}, allowed)).rejects.toThrow(/HTTP 401/);
  });

  it('seals connector secrets with AES-256-GCM: readable with the key only, tamper-evident', () => {
    const box = secretBox(newSecretKey());
    const sealed = box.seal('Bearer erp-token');
    expect(sealed).not.toContain('erp-token');
    expect(box.open(sealed)).toBe('Bearer erp-token');
    expect(() => secretBox(newSecretKey()).open(sealed)).toThrow();
    const [version, iv, tag, data] = sealed.split('.');
    const flipped = `${data?.startsWith('A') ? 'B' : 'A'}${data?.slice(1)}`;
    expect(() => box.open([version, iv, tag, flipped].join('.'))).toThrow();
    expect(() => secretBox('c2hvcnQ=')).toThrow(/32 bytes/);
  });
});
