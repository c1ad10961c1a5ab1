import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const SHEET = [
  '日期,产线,产量,合格,备注,Defect rate',
  '2026-11-02,一线,120,是,换模,0.5',
  '2026-11-03,二线,98,否,,1.25',
  '2026-11-04,一线,131,是,正常,0.75',
  '2026-11-05,二线,102,是,来料延迟两小时,1',
].join('\n');

describe('a form inferred from a spreadsheet', () => {
  let server: TestServer;
  let designer: Client;
  beforeAll(async () => {
    server = await startTestServer();
    designer = await Client.signIn(server.url, 'designer');
  });
  afterAll(() => server.close());

  it('types each column by its values, and the same sheet then imports into it without a problem', async () => {
    const inferred = await designer.call('POST', '/api/forms/infer?id=output&title=产量日报', SHEET, {
      'content-type': 'text/csv',
    });
    expect(inferred.status).toBe(200);
    const { definition } = inferred.body;
    expect(definition.data.properties).toEqual({
      field1: { type: 'string', format: 'date', title: '日期' },
      field2: {
        type: 'string',
        title: '产线',
        enum: ['二线', '一线'].sort((a, b) => a.localeCompare(b, 'zh-CN')),
      },
      field3: { type: 'integer', title: '产量' },
      field4: { type: 'boolean', title: '合格' },
      field5: { type: 'string', maxLength: 500, title: '备注' },
      field6: { type: 'number', title: 'Defect rate' },
    });
    expect(inferred.body.sampledRows).toBe(4);

    const created = await designer.call('POST', '/api/definitions', { definition });
    expect(created.status).toBe(201);
    await designer.call('POST', '/api/definitions/output/publish', { version: 1 });
    const imported = await designer.call('POST', '/api/forms/output/imports?mode=commit', SHEET, {
      'content-type': 'text/csv',
    });
    expect(imported.body).toMatchObject({ rows: 4, valid: 4, invalid: 0, inserted: 4 });
  });

  it('refuses a bad id and files that are not spreadsheets, saying where', async () => {
    const badId = await designer.call('POST', '/api/forms/infer?id=1bad&title=x', SHEET, {
      'content-type': 'text/csv',
    });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details[0].pointer).toBe('/querystring/id');
    const pdf = await designer.call('POST', '/api/forms/infer?id=ok&title=x', '%PDF', {
      'content-type': 'application/pdf',
    });
    expect(pdf.status).toBe(415);
  });
});
