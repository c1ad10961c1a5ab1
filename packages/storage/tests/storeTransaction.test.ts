import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openStore, type Store } from '../src/index.ts';
import { scorecard } from './conformance/storeConformance.ts';
import { freshPostgresDatabase } from './support/databases.ts';
import { freshSqliteFile } from './support/sqliteFiles.ts';

const BACKENDS = {
  SQLite: async () => freshSqliteFile(),
  PostgreSQL: async () => freshPostgresDatabase(inject('postgresUrl')),
};
const formId = String(scorecard().id);
const writer = { actor: 'hr' };
const row = (score: number) => ({
  employee: 'zhangsan',
  period: '2026-11-01',
  status: 'submitted',
  kpis: [{ name: '交付准时率', weight: 100, target: 100, actual: score }],
  score,
});

async function storeWithForm(database: string): Promise<Store> {
  const store = await openStore({ database });
  const created = await store.definitions.create(scorecard(), { author: 'designer' });
  await store.definitions.publish(formId, created.version, { author: 'designer' });
  return store;
}

describe.each(Object.entries(BACKENDS))('store.transaction: %s', (_name, database) => {
  let store: Store;
  beforeEach(async () => {
    store = await storeWithForm(await database());
  });
  afterEach(() => store.close());

  it('writes everything work wrote when it resolves, and nothing when it throws', async () => {
    const count = await store.transaction(async (tx) => {
      await tx.records.insertMany(formId, [row(1), row(2)], writer);
      await tx.records.insert(formId, row(3), writer);
      return (await tx.records.list(formId)).total;
    });
    expect(count).toBe(3);
    await expect(
      store.transaction(async (tx) => {
        await tx.records.insert(formId, row(4), writer);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await store.records.list(formId)).total).toBe(3);
  });
});

describe('store.transaction locks: PostgreSQL', () => {
  it('holds a lock until commit, against another store on the database, and only for its key', async () => {
    const url = await freshPostgresDatabase(inject('postgresUrl'));
    const [store, other] = [await storeWithForm(url), await openStore({ database: url })];
    try {
      const order: string[] = [];
      let locked: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const first = store.transaction(async (tx) => {
        await tx.lock('K-1');
        locked();
        await new Promise((resolve) => setTimeout(resolve, 300));
        order.push('first done');
      });
      await held;
      const second = other.transaction(async (tx) => {
        await tx.lock('K-1');
        order.push('second has the lock');
      });
      const unrelated = other.transaction(async (tx) => {
        await tx.lock('K-2');
        order.push('other key');
      });
      await Promise.all([first, second, unrelated]);
      expect(order).toEqual(['other key', 'first done', 'second has the lock']);
    } finally {
      await Promise.all([store.close(), other.close()]);
    }
  });
});
