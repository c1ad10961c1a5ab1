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

/** A small form whose `note` field is required or not: two contents for the same id and version. */
function noteForm(required: boolean): Record<string, unknown> {
  return {
    kind: 'form',
    id: 'note',
    schemaVersion: 1,
    title: { 'zh-CN': '便签', en: 'Note' },
    data: {
      type: 'object',
      properties: { note: { type: 'string', title: { 'zh-CN': '内容', en: 'Text' } } },
      ...(required ? { required: ['note'] } : {}),
    },
    layout: { root: ['n'], nodes: { n: { type: 'field', path: 'note' } } },
  };
}

describe.each(Object.entries(BACKENDS))('store.transaction with definitions: %s', (_name, database) => {
  let store: Store;
  beforeEach(async () => {
    store = await storeWithForm(await database());
  });
  afterEach(() => store.close());

  it('creates, publishes and records settings together, or leaves no trace when work throws', async () => {
    const ids = async () => (await store.definitions.list()).map((info) => info.id).sort();
    const before = await ids();
    await expect(
      store.transaction(async (tx) => {
        const created = await tx.definitions.create(noteForm(true), { author: 'designer' });
        await tx.definitions.publish('note', created.version, { author: 'designer' });
        await tx.records.insert('note', { note: '第一条' }, writer);
        await tx.settings.setSetting('packs.installed', { note: true }, 'designer');
        throw new Error('a later publication was refused');
      }),
    ).rejects.toThrow('a later publication was refused');
    expect(await ids()).toEqual(before);
    expect(await store.connectors.setting('packs.installed')).toBeUndefined();

    await store.transaction(async (tx) => {
      const created = await tx.definitions.create(noteForm(false), { author: 'designer' });
      await tx.definitions.publish('note', created.version, { author: 'designer' });
      await tx.settings.setSetting('packs.installed', { note: true }, 'designer');
    });
    expect(await ids()).toEqual([...before, 'note'].sort());
    expect(await store.connectors.setting('packs.installed')).toEqual({ note: true });
  });

  it('forgets what it compiled from versions that rolled back: their numbers come back with other content', async () => {
    await expect(
      store.transaction(async (tx) => {
        const created = await tx.definitions.create(noteForm(true), { author: 'designer' });
        await tx.definitions.publish('note', created.version, { author: 'designer' });
        // Compiles note@1 (note required) in this transaction.
        await expect(tx.records.insert('note', {}, writer)).rejects.toThrow();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // note@1 again, now without the requirement: a record without a note must be accepted.
    const created = await store.definitions.create(noteForm(false), { author: 'designer' });
    expect(created.version).toBe(1);
    await store.definitions.publish('note', created.version, { author: 'designer' });
    const record = await store.records.insert('note', {}, writer);
    expect(record.data).toEqual({});
  });
});

describe('store.transaction: what a rollback makes the store forget (SQLite)', () => {
  it('forgets compiled forms after definitions were written, and keeps them after a record write', async () => {
    let compiled = 0;
    const store = await openStore({
      database: await BACKENDS.SQLite(),
      recordDeriver: () => {
        compiled += 1;
        return (data) => ({ ...data });
      },
    });
    try {
      const created = await store.definitions.create(noteForm(false), { author: 'designer' });
      await store.definitions.publish('note', created.version, { author: 'designer' });
      await store.records.insert('note', { note: 'a' }, writer);
      expect(compiled).toBe(1);
      // A transaction of record writes that rolls back: nothing to forget.
      await expect(
        store.transaction(async (tx) => {
          await tx.records.insert('note', { note: 'b' }, writer);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await store.records.insert('note', { note: 'c' }, writer);
      expect(compiled).toBe(1);
      // One that wrote a definition: what was compiled goes.
      await expect(
        store.transaction(async (tx) => {
          await tx.definitions.save('note', noteForm(true), { baseVersion: 1, author: 'designer' });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await store.records.insert('note', { note: 'd' }, writer);
      expect(compiled).toBe(2);
    } finally {
      await store.close();
    }
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
