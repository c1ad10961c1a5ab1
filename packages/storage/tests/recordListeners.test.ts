import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openStore, type Store } from '../src/index.ts';
import { type Json, scorecard } from './conformance/storeConformance.ts';
import { freshPostgresDatabase } from './support/databases.ts';
import { rawDialect } from './support/rawDialect.ts';
import { freshSqliteFile } from './support/sqliteFiles.ts';

type Change = 'created' | 'updated' | 'deleted';

/** A workflow that tells lead1 about the given changes of a form. */
const listener = (id: string, form: string, events: Change[]): Json => ({
  kind: 'workflow',
  id,
  schemaVersion: 1,
  title: { 'zh-CN': id, en: id },
  trigger: { type: 'record', form, events },
  start: 'tell',
  steps: [
    { id: 'tell', type: 'notify', channel: 'inbox', to: [{ type: 'user', id: 'lead1' }], message: 'x' },
  ],
});

const values = (score: number) => ({
  employee: 'worker1',
  period: '2026-03-02',
  status: 'submitted',
  score,
  kpis: [{ name: '交付', weight: 100, target: 100, actual: score }],
});

const DAY = 86_400_000;

// The outbox holds only work an engine has to do: a record change leaves an event when a published
// workflow listens to its form and kind, and the listeners follow publishing and archiving in the
// same transaction. Events nobody takes are pruned once old.
for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`record listeners and the outbox: ${database}`, () => {
    let url: string;
    let store: Store;
    let time: number;
    const open = () => openStore({ database: url, now: () => new Date(time).toISOString() });
    const publish = async (definition: Json) => {
      const id = String(definition.id);
      const info = await store.definitions.getInfo(id).catch(() => undefined);
      const saved = info
        ? await store.definitions.save(id, definition, { baseVersion: info.headVersion, author: 'designer' })
        : await store.definitions.create(definition, { author: 'designer' });
      await store.definitions.publish(id, saved.version, { author: 'designer' });
    };
    const insert = (score: number, form = 'kpi-scorecard') =>
      store.records.insert(form, values(score), { actor: 'worker1' });
    const pending = () => store.workflows.recordEvents.pending();
    /** Takes every waiting event; returns "<score>:<workflow ids that heard it>" for each. */
    const takeAll = async () => {
      const heard: string[] = [];
      await store.workflows.recordEvents.take({
        limit: 100,
        wants: () => true,
        plan: (events) => {
          heard.push(
            ...events.map((e) => `${e.data.score}:${e.listeners.map((l) => l.workflowId).join(',')}`),
          );
          return [];
        },
      });
      return heard;
    };

    beforeEach(async () => {
      time = Date.parse('2026-03-04T02:00:00Z');
      url =
        database === 'PostgreSQL' ? await freshPostgresDatabase(inject('postgresUrl')) : freshSqliteFile();
      store = await open();
      for (const id of ['kpi-scorecard', 'other-form']) {
        await store.definitions.create({ ...scorecard(), id }, { author: 'hr' });
        await store.definitions.publish(id, 1, { author: 'hr' });
      }
    });
    afterEach(async () => {
      await store.close();
    });

    it('leaves an event only for the changes a published workflow listens to', async () => {
      const early = await insert(10);
      expect(await pending()).toBe(0);
      await publish(listener('on-create', 'kpi-scorecard', ['created']));
      const created = await insert(20);
      await store.records.update(created.id, values(21), { actor: 'worker1' });
      await insert(30, 'other-form');
      expect(await takeAll()).toEqual(['20:on-create']);
      // A second workflow listens to updates: now an update leaves one, heard by it alone.
      await publish(listener('on-update', 'kpi-scorecard', ['updated', 'deleted']));
      await store.records.update(early.id, values(11), { actor: 'worker1' });
      await store.records.delete(created.id, { actor: 'worker1' });
      expect(await takeAll()).toEqual(['11:on-update', '21:on-update']);
      expect(
        (await store.workflows.recordEvents.listeners()).map((l) => `${l.workflowId}/${l.operation}`),
      ).toEqual(['on-create/create', 'on-update/delete', 'on-update/update']);
      // Archived workflows hear nothing, and nothing is written for them.
      await store.definitions.archive('on-create', { author: 'designer' });
      await store.definitions.archive('on-update', { author: 'designer' });
      await insert(40);
      expect(await pending()).toBe(0);
      expect(await store.workflows.recordEvents.listeners()).toEqual([]);
    });

    it('names the workflows that listened since before each event, across new versions', async () => {
      await publish(listener('first', 'kpi-scorecard', ['created']));
      await insert(1);
      await publish(listener('second', 'kpi-scorecard', ['created']));
      await insert(2);
      // A new version listening to the same changes keeps its start; its version is the new one.
      await publish({ ...listener('first', 'kpi-scorecard', ['created']), title: '第二版' });
      await insert(3);
      expect(await takeAll()).toEqual(['1:first', '2:first,second', '3:first,second']);
      const first = (await store.workflows.recordEvents.listeners()).find((l) => l.workflowId === 'first');
      expect(first?.version).toBe(2);
      // A version moved to another form starts listening there from now: the waiting event is not its.
      await publish(listener('third', 'other-form', ['created']));
      await insert(4, 'other-form');
      await publish(listener('second', 'other-form', ['created']));
      await insert(5, 'other-form');
      expect(await takeAll()).toEqual(['4:third', '5:second,third']);
    });

    it('prunes the events nobody took once they are older than the cutoff, a batch at a time', async () => {
      await publish(listener('on-create', 'kpi-scorecard', ['created']));
      for (let i = 0; i < 5; i++) await insert(i);
      time += 20 * DAY;
      await insert(50);
      await insert(51);
      const cutoff = new Date(time - 14 * DAY).toISOString();
      expect(await store.workflows.recordEvents.prune(cutoff, 2)).toBe(5);
      expect(await store.workflows.recordEvents.prune(cutoff, 2)).toBe(0);
      expect(await takeAll()).toEqual(['50:on-create', '51:on-create']);
    });

    it('lets the workflows published before migration 13 hear the events already waiting', async () => {
      await publish(listener('on-create', 'kpi-scorecard', ['created']));
      await insert(1);
      await store.close();
      // The database as it was before migration 13, with an event of every write waiting.
      const raw = rawDialect(url);
      await raw.run('DROP TABLE record_listeners');
      await raw.run('DELETE FROM formboard_migrations WHERE version = 13');
      await raw.close();
      store = await open();
      expect(await store.workflows.recordEvents.listeners()).toEqual([
        { workflowId: 'on-create', version: 1, formId: 'kpi-scorecard', operation: 'create', afterSeq: 0 },
      ]);
      expect(await takeAll()).toEqual(['1:on-create']);
    });
  });
}
