import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const CSV = { 'content-type': 'text/csv' };
const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const imports = (query: string) => `/api/forms/checkin/imports?${query}`;

/** Sends raw bytes, for uploads that are not JSON text. */
async function upload(
  server: TestServer,
  client: Client,
  path: string,
  bytes: Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
) {
  const response = await fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { ...headers, cookie: client.cookie, 'x-csrf-token': client.csrf, 'accept-language': 'en' },
    body: bytes,
  });
  return { status: response.status, body: await response.json() };
}

describe('CSV and XLSX import, and export', () => {
  let server: TestServer;
  let member: Client;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    member = await Client.signIn(server.url, 'member');
  });

  // Headers as HR types them: Chinese labels with a required marker and a unit; rows 3–5 are wrong.
  const table = [
    '周 *,进度（%）,说明',
    '2026/11/2,30,开局',
    '2026-11-09,abc,',
    ',40,少了周',
    '2026-11-23,150,太多',
    '2026年11月30日,"1,5",=HYPERLINK("http://evil")',
  ].join('\n');

  it('dry-runs: maps columns by label, names every bad row, column and problem, writes nothing', async () => {
    const answer = await member.inLanguage('en').call('POST', imports('mode=dryRun'), table, CSV);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      mapping: ['week', 'progress', 'note'],
      rows: 5,
      valid: 2,
      invalid: 3,
      inserted: 0,
    });
    expect(answer.body.issues).toEqual([
      {
        row: 3,
        column: '进度（%）',
        field: 'progress',
        message: expect.objectContaining({ en: '"abc" is not a number' }),
      },
      {
        row: 4,
        field: 'week',
        column: '周 *',
        message: expect.objectContaining({ 'zh-CN': expect.any(String) }),
      },
      {
        row: 5,
        field: 'progress',
        column: '进度（%）',
        message: expect.objectContaining({ en: expect.stringMatching(/100/) }),
      },
    ]);
    expect((await server.store.records.list('checkin')).total).toBe(0);
  });

  it('commits all-or-nothing: one bad row and nothing is written', async () => {
    const answer = await member.call('POST', imports('mode=commit'), table, CSV);
    expect(answer.body).toMatchObject({ invalid: 3, inserted: 0 });
    expect((await server.store.records.list('checkin')).total).toBe(0);
  });

  it('commits the valid rows only and hands back the rejected ones as safe CSV', async () => {
    const before = (await server.store.records.list('checkin')).total;
    const answer = await member.call(
      'POST',
      imports('mode=commit&onInvalid=skipInvalid&fileName=第48周.csv'),
      table,
      CSV,
    );
    expect(answer.body).toMatchObject({ valid: 2, invalid: 3, inserted: 2 });
    expect(answer.body.rejectedCsv.split('\r\n')[0]).toBe('行号,周 *,进度（%）,说明,错误');
    expect(answer.body.rejectedCsv).toContain('3,2026-11-09,abc,');
    // One audit entry for the import, naming the file the studio sent.
    const [entry] = await server.store.audit({ entityType: 'form', entityId: 'checkin', limit: 1 });
    expect(entry).toMatchObject({
      action: 'import.committed',
      actor: 'member',
      summary: { file: '第48周.csv', via: 'api', rows: 5, count: 2, rejected: 3, onInvalid: 'skipInvalid' },
    });
    const { records } = await server.store.records.list('checkin', { sort: [{ field: 'week' }] });
    expect(records.slice(before).map((r) => r.data)).toEqual(
      expect.arrayContaining([
        { week: '2026-11-02', progress: 30, note: '开局' },
        { week: '2026-11-30', progress: 15, note: '=HYPERLINK("http://evil")' },
      ]),
    );
  });

  it('exports CSV with a BOM, labels in the caller’s language and formula-looking text neutralised', async () => {
    const response = await fetch(new URL('/api/forms/checkin/records/export?format=csv', server.url), {
      headers: { cookie: member.cookie, 'accept-language': 'zh-CN' },
    });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('周,进度,说明,填写人,提交时间,记录编号');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('imports and exports XLSX, reading date and number cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('周报');
    sheet.addRow(['week', 'Progress', 'Note']);
    sheet.addRow([new Date(Date.UTC(2026, 11, 7)), 55, '表格导入']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const answer = await upload(server, member, imports('mode=commit'), bytes, XLSX);
    expect(answer.body).toMatchObject({ mapping: ['week', 'progress', 'note'], inserted: 1 });
    const exported = await fetch(new URL('/api/forms/checkin/records/export?format=xlsx', server.url), {
      headers: { cookie: member.cookie, 'accept-language': 'en' },
    });
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await exported.arrayBuffer());
    const rows = read.worksheets[0]?.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1, 4)).toEqual(['Week', 'Progress', 'Note']);
    expect(rows.some((row) => row[1] === '2026-12-07' && row[2] === 55 && row[3] === '表格导入')).toBe(true);
    // XLSX keeps text as text (Excel never evaluates it), so it gets no apostrophe, unlike CSV.
    expect(rows.some((row) => row[3] === '=HYPERLINK("http://evil")')).toBe(true);
  });

  it('refuses a workbook whose text inflates past the budget, without reading it all into memory', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('炸弹');
    sheet.addRow(['week', 'note']);
    // 21,000 distinct 1,000-character strings: 21 million characters, a few hundred KB zipped.
    for (let i = 0; i < 21_000; i++) sheet.addRow(['2026-11-02', `${i}`.padEnd(1000, 'x')]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const answer = await upload(server, member, imports('mode=dryRun'), bytes, XLSX);
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toMatch(/million characters/);
  });

  it('refuses invalid UTF-8 with the line it is on, and reads GB18030 when asked', async () => {
    const gbk = Uint8Array.from([
      0xd6, 0xdc, 0x2c, 0xbd, 0xf8, 0xb6, 0xc8, 0x0a, 0x32, 0x30, 0x32, 0x36, 0x2d, 0x31, 0x31, 0x2d, 0x30,
      0x32, 0x2c, 0x35, 0x0a,
    ]);
    expect(new TextDecoder('gb18030').decode(gbk)).toBe('周,进度\n2026-11-02,5\n');
    const refused = await upload(server, member, imports('mode=dryRun'), gbk, CSV);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'badEncoding', details: { line: 1 } });
    const read = await upload(server, member, imports('mode=dryRun&encoding=gb18030'), gbk, CSV);
    expect(read.body).toMatchObject({ mapping: ['week', 'progress'], rows: 1, valid: 1 });
  });

  it('takes an explicit column mapping, and refuses a malformed one or a JSON upload', async () => {
    const mapping = encodeURIComponent(JSON.stringify([null, 'week', 'progress']));
    const answer = await member.call(
      'POST',
      imports(`mapping=${mapping}`),
      'x,a,b\nignored,2026-11-02,7',
      CSV,
    );
    expect(answer.body).toMatchObject({ rows: 1, valid: 1, mapping: [null, 'week', 'progress'] });
    const bad = await member.call('POST', imports('mapping=%5B1%5D'), 'a\n1', CSV);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].pointer).toBe('/querystring/mapping');
    expect((await member.call('POST', imports(''), { rows: [] })).status).toBe(415);
  });
});
