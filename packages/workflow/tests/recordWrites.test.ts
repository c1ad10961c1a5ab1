import type { Store } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createWorkflowEngine } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { publishKeyResultForms } from './support/keyResultRule.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { openTestStore, publishWorkflow } from './support/testStore.ts';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A check-in tells the boss, then updates its key result with `first`, then with `second`. */
function twoUpdates(first: string, second: string): Record<string, unknown> {
  const update = (id: string, formula: string, next?: string) => ({
    id,
    type: 'updateRecord',
    record: 'keyResult',
    set: [{ field: 'checkIns', formula }],
    ...(next === undefined ? {} : { next }),
  });
  return {
    kind: 'workflow',
    id: 'kr-twice',
    schemaVersion: 1,
    title: text('关键结果两次更新', 'Key result updated twice'),
    trigger: { type: 'record', form: 'check', events: ['created'] },
    start: 'tell',
    steps: [
      {
        id: 'tell',
        type: 'notify',
        channel: 'inbox',
        to: [{ type: 'user', id: 'boss' }],
        message: text('有新进展', 'a new check-in'),
        next: 'first',
      },
      update('first', first, 'second'),
      update('second', second),
    ],
  };
}

// Record writes are made in the transaction that moves the run past their step; these are the
// cases where the store refuses or must see one of them before the next step plans.
for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`record writes with the run's advance: ${database}`, () => {
    let clock: FakeClock;
    let store: Store;
    let keyResultId: string;
    const outbound = new RecordingOutbound();

    beforeEach(async () => {
      clock = new FakeClock('2026-03-06T02:00:00Z');
      store = await openTestStore(clock, database === 'PostgreSQL' ? inject('postgresUrl') : undefined);
      await publishKeyResultForms(store);
      keyResultId = (
        await store.records.insert('kr', { title: '交付周期', checkIns: 0 }, { actor: 'worker1' })
      ).id;
    });
    afterEach(async () => {
      await store.close();
    });

    const checkIn = () =>
      store.records.insert(
        'check',
        { keyResult: keyResultId, week: '2026-03-02', value: 1 },
        { actor: 'worker1' },
      );

    it('writes a record before the next step that plans from it, each once', async () => {
      await publishWorkflow(store, twoUpdates('$target.checkIns + 1', '$target.checkIns + 10'));
      const record = await checkIn();
      const [run] = await createWorkflowEngine({ store, clock, outbound }).recordChanged({
        type: 'created',
        recordId: record.id,
      });
      expect(run).toMatchObject({ status: 'done', stepSeq: 3 });
      // The second update planned from the first one's write, not over it.
      expect((await store.records.get(keyResultId)).data.checkIns).toBe(11);
      expect((await store.records.history(keyResultId)).map((h) => h.changedBy)).toEqual([
        'worker1',
        `workflow:${run?.id}/1/first`,
        `workflow:${run?.id}/2/second`,
      ]);
      expect(await store.workflows.inbox.list('boss')).toHaveLength(1);
    });

    it('fails the run at a write the store refuses, keeping what the steps before it did', async () => {
      await publishWorkflow(store, twoUpdates('"many"', '$target.checkIns + 10'));
      const record = await checkIn();
      const [run] = await createWorkflowEngine({ store, clock, outbound }).recordChanged({
        type: 'created',
        recordId: record.id,
      });
      expect(run).toMatchObject({ status: 'failed', stepSeq: 2 });
      expect(run?.error?.en).toMatch(/invalid record/);
      expect((await store.records.history(keyResultId)).map((h) => h.changedBy)).toEqual(['worker1']);
      // The inbox message before it was written with the run's advance past its step.
      expect(await store.workflows.inbox.list('boss')).toHaveLength(1);
    });
  });
}
