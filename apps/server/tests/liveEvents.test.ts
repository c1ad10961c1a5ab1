import { openStore } from '@formboard/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, EventStream } from './support/client.ts';
import { type ServerProcess, startServerProcess } from './support/serverProcess.ts';
import { freshDatabase, seedTestStore, startTestServer, type TestServer } from './support/testServer.ts';

const week = { week: '2026-11-23', progress: 70 };

describe('live record events on one server (SQLite)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => server.close());

  it('streams the changes a manager may see, and not the others', async () => {
    const manager = await Client.signIn(server.url, 'manager');
    const stream = await EventStream.open(server.url, '/api/events', manager.cookie);
    try {
      const other = await Client.signIn(server.url, 'other');
      await other.call('POST', '/api/forms/checkin/records', { data: week });
      const member = await Client.signIn(server.url, 'member');
      const created = await member.call('POST', '/api/forms/checkin/records', { data: week });
      await member.call('PUT', `/api/records/${created.body.id}`, {
        data: { ...week, progress: 75 },
        baseRevision: 1,
      });
      // The outsider's record comes first but is not the manager's to see.
      expect(await stream.next()).toEqual({
        event: 'record',
        data: {
          type: 'record.created',
          formId: 'checkin',
          recordId: created.body.id,
          ownerId: 'member',
          orgUnitId: 'ou-line1',
          revision: 1,
        },
      });
      expect((await stream.next()).data.type).toBe('record.updated');
    } finally {
      stream.close();
    }
  });

  it('ends open streams when the server closes, so shutdown does not hang', async () => {
    const own = await startTestServer('sqlite');
    const manager = await Client.signIn(own.url, 'manager');
    const stream = await EventStream.open(own.url, '/api/events', manager.cookie);
    await own.close();
    await expect(stream.next()).rejects.toThrow(/ended/);
  });

  it('refuses the stream to anonymous callers', async () => {
    expect((await new Client(server.url).call('GET', '/api/events')).status).toBe(401);
  });
});

describe('live record events across two server processes on one PostgreSQL database', () => {
  let first: ServerProcess;
  let second: ServerProcess;
  beforeAll(async () => {
    const database = await freshDatabase('postgres');
    const store = await openStore({ database });
    await seedTestStore(store);
    await store.close();
    [first, second] = await Promise.all([
      startServerProcess(['--database', database]),
      startServerProcess(['--database', database]),
    ]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('delivers a change made through one process to SSE clients of the other', async () => {
    const manager = await Client.signIn(second.url, 'manager');
    const stream = await EventStream.open(second.url, '/api/events', manager.cookie);
    try {
      const member = await Client.signIn(first.url, 'member');
      const created = await member.call('POST', '/api/forms/checkin/records', { data: week });
      expect(created.status).toBe(201);
      const heard = await stream.next();
      expect(heard.data).toMatchObject({
        type: 'record.created',
        recordId: created.body.id,
        ownerId: 'member',
      });
      // The session made on one process works on the other: the servers share nothing but the database.
      expect((await manager.call('GET', `/api/records/${created.body.id}`)).status).toBe(200);
    } finally {
      stream.close();
    }
  });
});
