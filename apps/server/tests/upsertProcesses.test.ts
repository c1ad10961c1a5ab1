import { openStore } from '@formboard/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { type ServerProcess, startServerProcess } from './support/serverProcess.ts';
import { freshDatabase, seedTestStore } from './support/testServer.ts';

const KEYS = 30;
const ROUNDS = 3;

describe('upserts of one key through two server processes on one PostgreSQL database', () => {
  let database = '';
  let servers: ServerProcess[] = [];
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    const store = await openStore({ database });
    await seedTestStore(store);
    await store.close();
    servers = await Promise.all([
      startServerProcess(['--database', database, '--workflows', 'off']),
      startServerProcess(['--database', database, '--workflows', 'off']),
    ]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it('makes one record per key however the pushes of a key race between the processes', async () => {
    const clients = await Promise.all(servers.map((server) => Client.signIn(server.url, 'member')));
    // Each round pushes every key through both processes at the same moment, with other values than
    // the round before, so after the first round a push updates its record or leaves it unchanged.
    const answers = [];
    for (let round = 0; round < ROUNDS; round++)
      answers.push(
        ...(await Promise.all(
          Array.from({ length: KEYS }, (_, key) =>
            clients.map((client, c) =>
              client.call('POST', '/api/forms/checkin/records/upsert', {
                keyField: 'note',
                data: { week: '2026-11-30', progress: round * 10 + c, note: `ERP-${key}` },
              }),
            ),
          ).flat(),
        )),
      );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    expect(answers.filter((answer) => answer.body.outcome === 'inserted')).toHaveLength(KEYS);
    const store = await openStore({ database });
    try {
      const { records } = await store.records.list('checkin', { limit: 1000 });
      const perKey = new Map<string, number>();
      for (const record of records) {
        const key = String(record.data.note);
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
      }
      expect([...perKey.values()]).toEqual(Array.from({ length: KEYS }, () => 1));
      // No update was lost in a race: each record's history is one unbroken chain of revisions.
      for (const record of records) {
        const history = await store.records.history(record.id);
        expect(history.map((revision) => revision.revision)).toEqual(history.map((_, i) => i + 1));
      }
    } finally {
      await store.close();
    }
  });
});
