import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

describe('error answers', () => {
  let server: TestServer;
  let member: Client;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { bodyLimit: 4096 });
    member = await Client.signIn(server.url, 'member');
  });
  afterAll(() => server.close());

  const records = '/api/forms/checkin/records';

  it('names the line and column of malformed JSON, in the caller’s language', async () => {
    const body = '{\n  "data": {\n    "week": "2026-11-23",\n    "progress": 5,\n  }\n}';
    const zh = await member.call('POST', records, body);
    expect(zh.status).toBe(400);
    expect(zh.body.error).toMatchObject({ code: 'malformedJson', details: { line: 5, column: 3 } });
    expect(zh.body.error.message).toContain('第 5 行第 3 列');
    const en = await member.inLanguage('en-US,en;q=0.9').call('POST', records, body);
    expect(en.body.error.message).toContain('line 5, column 3');
    expect(typeof en.body.error.requestId).toBe('string');
  });

  it('refuses unknown properties and wrong types with a JSON pointer, never coercing the body', async () => {
    const unknown = await member.call('POST', records, {
      data: { week: '2026-11-23', progress: 5 },
      owner: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toContainEqual({
      pointer: '/body/owner',
      message: expect.any(String),
    });
    const wrongType = await member.call('POST', records, { data: 'not an object' });
    expect(wrongType.body.error.details[0].pointer).toBe('/body/data');
  });

  it("answers a record that breaks the form's rules with 422 and every issue, writing nothing", async () => {
    const answer = await member
      .inLanguage('en')
      .call('POST', records, { data: { week: '2026-11-23', progress: '5' } });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('invalid');
    expect(answer.body.error.details[0]).toMatchObject({ path: 'progress' });
    expect((await server.store.records.list('checkin')).total).toBe(0);
  });

  it('answers an oversized body with 413', async () => {
    const answer = await member.call('POST', records, {
      data: { week: '2026-11-23', progress: 5, note: 'x'.repeat(5000) },
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('bodyTooLarge');
  });

  it('answers an unknown endpoint with 404 and a JSON body', async () => {
    const answer = await member.call('GET', '/api/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('routeNotFound');
  });

  it('serves an OpenAPI 3 document that lists the routes', async () => {
    const answer = await new Client(server.url).call('GET', '/api/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.0.3');
    expect(Object.keys(answer.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/session',
        '/api/definitions/{id}',
        '/api/forms/{formId}/records',
        '/api/queries',
      ]),
    );
  });
});
