import type { RecordStore, Store, WorkflowRuns } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createWorkflowEngine } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { keyResultRule, publishKeyResultForms } from './support/keyResultRule.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { openTestStore, publishWorkflow } from './support/testStore.ts';

const CRASH = new Error('process killed');

/**
 * The store as seen by a process that dies right after a step's record write, before the run moves
 * on: in the transaction that makes both, which the database then rolls back.
 */
function dyingAfterWrite(store: Store): Store {
  return {
    ...store,
    transaction: (work) =>
      store.transaction(async (tx) => {
        const runs = Object.create(tx.workflows.runs) as WorkflowRuns;
        runs.advanceSteps = async () => {
          throw CRASH;
        };
        return work({ ...tx, workflows: { runs } });
      }),
  };
}

/**
 * The store as seen by a process that plans its update of `recordId` from values that `meanwhile`
 * changes right after it read them (before the write).
 */
function racedOn(store: Store, recordId: string, meanwhile: () => Promise<unknown>): Store {
  const records = Object.create(store.records) as RecordStore;
  let raced = false;
  records.get = async (id) => {
    const read = await store.records.get(id);
    if (id === recordId && !raced) {
      raced = true;
      await meanwhile();
    }
    return read;
  };
  return { ...store, records };
}

for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`updating the record a reference names: ${database}`, () => {
    let clock: FakeClock;
    let store: Store;
    let keyResultId: string;
    const outbound = new RecordingOutbound();

    beforeEach(async () => {
      clock = new FakeClock('2026-03-06T02:00:00Z');
      store = await openTestStore(clock, database === 'PostgreSQL' ? inject('postgresUrl') : undefined);
      await publishKeyResultForms(store);
      await publishWorkflow(store, keyResultRule());
      keyResultId = (
        await store.records.insert('kr', { title: '交付周期', current: 20 }, { actor: 'worker1' })
      ).id;
    });
    afterEach(async () => {
      await store.close();
    });

    const checkIn = (value: number, week = '2026-03-02', keyResult: string = keyResultId) =>
      store.records.insert('check', { keyResult, week, value }, { actor: 'worker1' });

    it('sets the referenced record’s fields from the run’s record and its own values', async () => {
      const engine = createWorkflowEngine({ store, clock, outbound });
      const first = await checkIn(18);
      expect(await engine.recordChanged({ type: 'created', recordId: first.id })).toMatchObject([
        { status: 'done' },
      ]);
      await engine.recordChanged({ type: 'created', recordId: (await checkIn(16, '2026-03-09')).id });
      const keyResult = await store.records.get(keyResultId);
      expect(keyResult.data).toEqual({
        title: '交付周期',
        current: 16,
        lastCheckIn: '2026-03-09',
        checkIns: 2,
      });
      const writers = (await store.records.history(keyResultId)).map((h) => h.changedBy);
      expect(writers).toHaveLength(3);
      expect(writers.slice(1).every((w) => w.startsWith('workflow:'))).toBe(true);
      // The check-in itself is left as it was entered.
      expect((await store.records.history(first.id)).map((h) => h.operation)).toEqual(['create']);
    });

    it('writes once when the process died after the write, before the run moved on', async () => {
      const record = await checkIn(18);
      const dying = createWorkflowEngine({ store: dyingAfterWrite(store), clock, outbound });
      await expect(dying.recordChanged({ type: 'created', recordId: record.id })).rejects.toBe(CRASH);
      // The write went with the transaction that would have moved the run on.
      expect((await store.records.history(keyResultId)).length).toBe(1);
      const restarted = createWorkflowEngine({ store, clock, outbound });
      expect((await restarted.tick()).runs).toMatchObject([{ status: 'done' }]);
      expect((await store.records.history(keyResultId)).length).toBe(2);
      expect((await store.records.get(keyResultId)).data.checkIns).toBe(1);
    });

    it('plans again from a change made meanwhile instead of overwriting it', async () => {
      const record = await checkIn(18);
      const meanwhile = async () => {
        const current = await store.records.get(keyResultId);
        await store.records.update(
          keyResultId,
          { ...current.data, title: '交付周期（改）', checkIns: 5 },
          { actor: 'hr', baseRevision: current.revision },
        );
      };
      const engine = createWorkflowEngine({ store: racedOn(store, keyResultId, meanwhile), clock, outbound });
      expect(await engine.recordChanged({ type: 'created', recordId: record.id })).toMatchObject([
        { status: 'done' },
      ]);
      expect((await store.records.get(keyResultId)).data).toEqual({
        title: '交付周期（改）',
        current: 18,
        lastCheckIn: '2026-03-02',
        checkIns: 6,
      });
      expect((await store.records.history(keyResultId)).map((h) => h.changedBy.split(':')[0])).toEqual([
        'worker1',
        'hr',
        'workflow',
      ]);
    });

    it('goes on without a write when the reference is blank', async () => {
      const record = await store.records.insert(
        'check',
        { week: '2026-03-02', value: 3 },
        { actor: 'worker1' },
      );
      const [run] = await createWorkflowEngine({ store, clock, outbound }).recordChanged({
        type: 'created',
        recordId: record.id,
      });
      expect(run).toMatchObject({ status: 'done' });
      expect((await store.records.history(keyResultId)).length).toBe(1);
    });
  });
}
