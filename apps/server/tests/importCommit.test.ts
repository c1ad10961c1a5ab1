import { Readable } from 'node:stream';
import type { Store, StoreTransaction } from '@formboard/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../src/imports/readTable.ts';
import { type OnInvalid, runImport } from '../src/imports/runImport.ts';
import { BACKENDS, startTestServer, type TestServer } from './support/testServer.ts';

// More rows than one write batch (1,000), so a commit takes several batches in its transaction.
const ROWS = 2_500;
const csv = (rows: number, badRow?: number) =>
  [
    'week,progress,note',
    ...Array.from({ length: rows }, (_, i) => `2026-11-02,${i === badRow ? 'abc' : i % 101},第 ${i} 行`),
  ].join('\n');

const writer = { actor: 'member', ownerId: 'member', orgUnitId: 'ou-line1' };

/** The store, except that the second batch written inside a transaction fails (a lost connection). */
function failingSecondBatch(store: Store): Store {
  return {
    ...store,
    transaction: (work) =>
      store.transaction((tx) => {
        let batches = 0;
        const insertMany: StoreTransaction['records']['insertMany'] = async (...args) => {
          if (++batches === 2) throw new Error('connection lost');
          return tx.records.insertMany(...args);
        };
        return work({ ...tx, records: Object.assign(Object.create(tx.records), { insertMany }) });
      }),
  };
}

describe.each(BACKENDS)('import commits in batches, in one transaction (%s)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server.close());

  const commit = (store: Store, text: string, onInvalid: OnInvalid = 'rejectAll') =>
    runImport(store, {
      formId: 'checkin',
      table: readTable(Readable.from([Buffer.from(text)]), 'csv'),
      mode: 'commit',
      onInvalid,
      writer,
      hidden: new Set(),
      locale: 'en',
    });
  const count = async () => (await server.store.records.list('checkin', { limit: 1 })).total;

  it('writes every row of a file longer than a batch', async () => {
    const report = await commit(server.store, csv(ROWS));
    expect(report).toMatchObject({ rows: ROWS, valid: ROWS, inserted: ROWS });
    expect(await count()).toBe(ROWS);
    const { records } = await server.store.records.list('checkin', {
      filter: 'note = "第 2499 行"',
      limit: 1,
    });
    expect(records[0]?.data).toEqual({ week: '2026-11-02', progress: 2499 % 101, note: '第 2499 行' });
  });

  it('writes nothing when a row past the first batches is bad (rejectAll), and the valid rest for skipInvalid', async () => {
    const before = await count();
    const refused = await commit(server.store, csv(ROWS, 2_400));
    expect(refused).toMatchObject({ invalid: 1, inserted: 0 });
    expect(await count()).toBe(before);
    const skipped = await commit(server.store, csv(ROWS, 2_400), 'skipInvalid');
    expect(skipped).toMatchObject({ invalid: 1, inserted: ROWS - 1 });
    expect(await count()).toBe(before + ROWS - 1);
  });

  it('leaves no batch behind when a later batch fails to write', async () => {
    const before = await count();
    await expect(commit(failingSecondBatch(server.store), csv(ROWS))).rejects.toThrow('connection lost');
    expect(await count()).toBe(before);
  });
});
