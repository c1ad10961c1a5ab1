import { openStore, type Store } from '@formboard/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertRecord } from '../src/connectors/upsertRecord.ts';
import { recordDeriver } from '../src/records/recordDeriver.ts';
import { freshDatabase, seedTestStore } from './support/testServer.ts';

const KEYS = 40;
const writer = { actor: 'member', ownerId: 'member', orgUnitId: 'ou-line1' };

describe('upserts of one key from two stores on one PostgreSQL database (two servers’ connection pools)', () => {
  let stores: Store[] = [];
  beforeAll(async () => {
    const database = await freshDatabase('postgres');
    const first = await openStore({ database, recordDeriver });
    await seedTestStore(first);
    stores = [first, await openStore({ database, recordDeriver })];
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
  });

  it('never inserts a key twice, and applies every later push as an update', async () => {
    const push = (store: Store, key: number, progress: number) =>
      upsertRecord(
        store,
        'checkin',
        'note',
        { week: '2026-11-30', progress, note: `K-${key}` },
        writer,
        undefined,
      );
    // Both stores push every key at the same moment, three rounds, each round with other values.
    for (let round = 0; round < 3; round++) {
      const outcomes = await Promise.all(
        Array.from({ length: KEYS }, (_, key) =>
          stores.map((store, s) => push(store, key, round * 10 + s)),
        ).flat(),
      );
      const inserted = outcomes.filter((result) => result.outcome === 'inserted').length;
      expect(inserted).toBe(round === 0 ? KEYS : 0);
    }
    const { records, total } = await (stores[0] as Store).records.list('checkin', { limit: 1000 });
    expect(total).toBe(KEYS);
    expect(new Set(records.map((record) => record.data.note)).size).toBe(KEYS);
  });
});
