import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const CSV = { 'content-type': 'text/csv' };

describe('org chart import', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await Client.signIn(server.url, 'admin');
  });
  afterAll(() => server.close());

  const sheet = [
    '工号,姓名,邮箱,部门,直属上级,角色',
    'w001,赵厂长,zhao@example.com,集团/二厂,admin,经理',
    'w002,钱主任,,集团/二厂/总装车间,赵厂长,主管',
    'w003,孙师傅,,集团/二厂/总装车间,w002,员工',
  ].join('\n');

  it('dry-runs, then builds the unit tree and the supervisor chain (by id, by unique name, or an existing user)', async () => {
    const dry = await admin.call('POST', '/api/people/import', sheet, CSV);
    expect(dry.body).toEqual({ units: 3, users: 3, issues: [], saved: false });
    expect(await server.store.people.getUser('w003').catch(() => undefined)).toBeUndefined();
    const saved = await admin.call('POST', '/api/people/import?mode=commit', sheet, CSV);
    expect(saved.body.saved).toBe(true);
    expect((await server.store.people.supervisorOf('w003', 2))?.id).toBe('w001');
    expect((await server.store.people.supervisorOf('w001'))?.id).toBe('admin');
    expect(await server.store.people.getUser('w002')).toMatchObject({
      orgUnitId: 'ou-集团/二厂/总装车间',
      roles: ['manager'],
    });
    const units = await server.store.people.orgUnits();
    expect(units.find((u) => u.name === '总装车间')?.parentId).toBe('ou-集团/二厂');
    // The same sheet again updates; it does not duplicate.
    await admin.call('POST', '/api/people/import?mode=commit', sheet, CSV);
    expect((await server.store.people.orgUnits()).filter((u) => u.name === '二厂')).toHaveLength(1);
  });

  it('names the row and column of each problem and saves nothing', async () => {
    const bad = ['工号,姓名,上级,角色', 'x1,甲,nobody,员工', ',乙,,', 'x3,丙,x3,老板'].join('\n');
    const answer = await admin.inLanguage('en').call('POST', '/api/people/import?mode=commit', bad, CSV);
    expect(answer.body.saved).toBe(false);
    expect(answer.body.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [3, '工号'],
      [4, '角色'],
      [2, '上级'],
      [4, '上级'],
    ]);
    expect(await server.store.people.getUser('x1').catch(() => undefined)).toBeUndefined();
  });
});
