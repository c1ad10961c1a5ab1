import { existsSync } from 'node:fs';
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

  const commit = async (store: Store, text: string, onInvalid: OnInvalid = 'rejectAll') => {
    const { report, rejected } = await runImport(store, {
      formId: 'checkin',
      table: readTable(Readable.from([Buffer.from(text)]), 'csv'),
      mode: 'commit',
      onInvalid,
      writer,
      hidden: new Set(),
      locale: 'en',
      origin: { via: 'api', fileName: 'week.csv' },
    });
    await rejected?.remove();
    return report;
  };
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

  it('leaves no batch behind when a later batch fails to write, nor an audit entry', async () => {
    const before = await count();
    const entries = (await server.store.audit({ limit: 10_000 })).length;
    await expect(commit(failingSecondBatch(server.store), csv(ROWS))).rejects.toThrow('connection lost');
    expect(await count()).toBe(before);
    expect((await server.store.audit({ limit: 10_000 })).length).toBe(entries);
  });

  it('audits a commit with one import.committed entry naming the file, counts and mapping, not one per batch', async () => {
    const [last] = await server.store.audit({ limit: 1 });
    await commit(server.store, csv(ROWS, 7), 'skipInvalid');
    const added = (await server.store.audit({ limit: 10_000 })).filter((e) => e.seq > (last?.seq ?? 0));
    expect(added).toHaveLength(1);
    const [entry] = added;
    expect(entry).toMatchObject({
      actor: 'member',
      action: 'import.committed',
      entityType: 'form',
      entityId: 'checkin',
      summary: {
        formId: 'checkin',
        formVersion: 1,
        file: 'week.csv',
        via: 'api',
        onInvalid: 'skipInvalid',
        rows: ROWS,
        count: ROWS - 1,
        rejected: 1,
        mapping: {
          source: 'labels',
          columns: [
            ['week', 'week'],
            ['progress', 'progress'],
            ['note', 'note'],
          ],
        },
      },
    });
    // The first and last records it wrote: with the actor and form they bound the import's records.
    const { first, last: lastRecord } = (entry?.summary.records ?? {}) as Record<
      string,
      { id: string; createdAt: string }
    >;
    expect((await server.store.records.get(first?.id ?? '')).data.note).toBe('第 0 行');
    expect((await server.store.records.get(lastRecord?.id ?? '')).data.note).toBe(`第 ${ROWS - 1} 行`);
    expect(await server.store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('keeps the rejected rows of a skipInvalid commit as CSV on disk, removed by whoever holds them', async () => {
    const { report, rejected } = await runImport(server.store, {
      formId: 'checkin',
      table: readTable(Readable.from([Buffer.from(csv(ROWS, 1_500))]), 'csv'),
      mode: 'commit',
      onInvalid: 'skipInvalid',
      writer,
      hidden: new Set(),
      locale: 'zh-CN',
      origin: { via: 'api' },
    });
    expect(report).toMatchObject({ invalid: 1, inserted: ROWS - 1 });
    expect(rejected?.count).toBe(1);
    let text = '';
    for await (const chunk of rejected?.read() ?? []) text += chunk;
    expect(text).toBe(
      '行号,week,progress,note,错误\r\n1502,2026-11-02,abc,第 1500 行,progress: “abc”不是数字',
    );
    await rejected?.remove();
    expect(existsSync(rejected?.path ?? '')).toBe(false);
  });
});
