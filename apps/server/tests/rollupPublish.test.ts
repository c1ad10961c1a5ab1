import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A team whose `hours` total rolls up from its tasks. */
function teamForm(): Record<string, unknown> {
  return {
    kind: 'form',
    id: 'team',
    schemaVersion: 1,
    title: text('小组', 'Team'),
    data: {
      type: 'object',
      properties: {
        name: { type: 'string', title: text('名称', 'Name') },
        hours: { type: 'number', title: text('总工时', 'Total hours') },
      },
    },
    layout: {
      root: ['n', 'h'],
      nodes: { n: { type: 'field', path: 'name' }, h: { type: 'field', path: 'hours' } },
    },
    rollups: [{ target: 'hours', from: 'task', via: 'team', measure: 'sum', field: 'hours' }],
  };
}

/** A task of a team, with its hours (or without them). */
function taskForm(withHours = true): Record<string, unknown> {
  return {
    kind: 'form',
    id: 'task',
    schemaVersion: 1,
    title: text('任务', 'Task'),
    data: {
      type: 'object',
      properties: {
        team: { type: 'string', format: 'record', 'x-form': 'team', title: text('小组', 'Team') },
        ...(withHours ? { hours: { type: 'number', title: text('工时', 'Hours') } } : {}),
      },
    },
    layout: {
      root: withHours ? ['t', 'h'] : ['t'],
      nodes: {
        t: { type: 'field', path: 'team' },
        ...(withHours ? { h: { type: 'field', path: 'hours' } } : {}),
      },
    },
  };
}

// Over HTTP on a real server and SQLite file: publishing a task form without the hours the team's
// roll-up sums is refused with 409, in the caller's language, naming the team form, its roll-up
// field and the missing field's JSON pointer; the team's totals stay as they were.
describe('publishing a form version that breaks another form’s roll-up', () => {
  let server: TestServer;
  let designer: Client;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    designer = await Client.signIn(server.url, 'designer');
    for (const form of [teamForm(), taskForm()]) {
      const created = await designer.call('POST', '/api/definitions', { definition: form });
      expect(created.status).toBe(201);
      const published = await designer.call('POST', `/api/definitions/${form.id}/publish`, { version: 1 });
      expect(published.status).toBe(200);
    }
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('saves the draft, refuses to publish it with 409, and keeps the roll-up’s values', async () => {
    const team = await designer.call('POST', '/api/forms/team/records', { data: { name: '一组' } });
    expect(team.status).toBe(201);
    const task = await designer.call('POST', '/api/forms/task/records', {
      data: { team: team.body.id, hours: 6 },
    });
    expect(task.status).toBe(201);
    const saved = await designer.call('PUT', '/api/definitions/task', {
      definition: taskForm(false),
      baseVersion: 1,
    });
    expect(saved.status).toBe(200);

    const refused = await designer.call('POST', '/api/definitions/task/publish', { version: 2 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect(refused.body.error.message).toBe(
      '发布会使表单“小组”（team）的汇总字段 hours 失效：表单 task没有字段 hours（/data/properties/hours）。请先改好那个汇总，或保留这个字段。',
    );
    expect(refused.body.error.details).toEqual([
      {
        formId: 'team',
        rollup: 0,
        target: 'hours',
        from: 'task',
        code: 'rollup.unknownField',
        pointer: '/rollups/0/field',
        message: expect.objectContaining({ en: 'form task has no field hours' }),
        field: 'hours',
        fieldPointer: '/data/properties/hours',
      },
    ]);
    const english = await designer.call(
      'POST',
      '/api/definitions/task/publish',
      { version: 2 },
      { 'accept-language': 'en' },
    );
    expect(english.status).toBe(409);
    expect(english.body.error.message).toBe(
      'publishing would break the roll-up field hours of form "Team" (team): form task has no field hours (/data/properties/hours). Fix that roll-up first, or keep the field.',
    );

    const info = await designer.call('GET', '/api/definitions/task');
    expect(info.body.info).toMatchObject({ headVersion: 2, publishedVersion: 1 });
    const read = await designer.call('GET', `/api/records/${team.body.id}`);
    expect(read.body.data).toMatchObject({ hours: 6 });
  });
});
