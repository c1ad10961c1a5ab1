import type { Store, WorkflowRuns } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createWorkflowEngine } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { reviewRule } from './support/reviewRule.ts';
import { openTestStore, publishWorkflow, scorecardValues } from './support/testStore.ts';

const CRASH = new Error('process killed');

/**
 * The store as a process sees it that dies inside the transaction that writes the steps before the
 * webhook (the comment on the record, the supervisor's inbox message) and records the webhook's
 * pending effect: after the record write, at the run's advance, or after that, at the effect. The
 * database rolls an unfinished transaction back, as it does for a killed process's connection, and
 * a dead process writes nothing more.
 */
function dyingInTransaction(store: Store, at: 'advanceSteps' | 'beginEffect'): Store {
  let dead = false;
  return {
    ...store,
    transaction: (work) =>
      store.transaction(async (tx) => {
        if (dead) throw CRASH;
        const runs = Object.create(tx.workflows.runs) as WorkflowRuns;
        runs[at] = async () => {
          dead = true;
          throw CRASH;
        };
        return work({ ...tx, workflows: { runs } });
      }),
  };
}

/** The store as a process sees it that dies once `stepId`'s outbound call was answered, before marking it done. */
function dyingAfterCall(store: Store, stepId: string): Store {
  const runs = Object.create(store.workflows.runs) as WorkflowRuns;
  runs.advanceSteps = async (runId, fromSeq, outcomes) => {
    if (outcomes.some((outcome) => outcome.effect?.stepId === stepId)) throw CRASH;
    return store.workflows.runs.advanceSteps(runId, fromSeq, outcomes);
  };
  return { ...store, workflows: { ...store.workflows, runs } };
}

for (const database of ['SQLite', 'PostgreSQL'] as const)
  describe(`restart after a crash: ${database}`, () => {
    let clock: FakeClock;
    let store: Store;
    let outbound: RecordingOutbound;

    beforeEach(async () => {
      clock = new FakeClock('2026-03-04T02:00:00Z');
      store = await openTestStore(clock, database === 'PostgreSQL' ? inject('postgresUrl') : undefined);
      await publishWorkflow(store, reviewRule());
      outbound = new RecordingOutbound();
    });
    afterEach(async () => {
      await store.close();
    });

    const submitLow = () =>
      store.records.insert('kpi-scorecard', scorecardValues('worker1', '2026-03-02', 42), {
        actor: 'worker1',
      });

    const historyByWorkflow = async (recordId: string) =>
      (await store.records.history(recordId)).filter((h) => h.changedBy.startsWith('workflow:'));

    // The record write and the inbox message are written in the transaction that marks their steps
    // done: a process that dies before it commits leaves neither, and the restart makes each once.
    for (const at of ['advanceSteps', 'beginEffect'] as const) {
      it(`never repeats a record write or an inbox message when the process died in their transaction (${at})`, async () => {
        const record = await submitLow();
        const dying = createWorkflowEngine({ store: dyingInTransaction(store, at), clock, outbound });
        await expect(dying.recordChanged({ type: 'created', recordId: record.id })).rejects.toBe(CRASH);
        // Nothing of the transaction is left: the run stands at its first step, the record as entered.
        const [stuck] = await store.workflows.runs.active();
        expect(stuck).toMatchObject({ stepId: 'isLow', stepSeq: 0 });
        expect(await historyByWorkflow(record.id)).toEqual([]);
        expect(await store.workflows.inbox.list('lead1')).toEqual([]);
        expect(outbound.calls).toEqual([]);

        const restarted = createWorkflowEngine({ store, clock, outbound });
        expect((await restarted.tick()).runs).toMatchObject([{ id: stuck?.id, status: 'done' }]);
        expect((await restarted.tick()).runs).toEqual([]);
        expect(await historyByWorkflow(record.id)).toHaveLength(1);
        expect(await store.workflows.inbox.list('lead1')).toHaveLength(1);
        expect(outbound.sent).toHaveLength(1);
      });
    }

    it('repeats only the outbound call in flight at the crash, with the same key and payload', async () => {
      const record = await submitLow();
      const dying = createWorkflowEngine({ store: dyingAfterCall(store, 'tellHr'), clock, outbound });
      await expect(dying.recordChanged({ type: 'created', recordId: record.id })).rejects.toBe(CRASH);
      // What the run did before the call was written before it.
      const [stuck] = await store.workflows.runs.active();
      expect(stuck).toMatchObject({ stepId: 'tellHr', stepSeq: 3 });
      expect(await store.workflows.runs.effect(`${stuck?.id}/3/tellHr`)).toMatchObject({ status: 'pending' });

      const restarted = createWorkflowEngine({ store, clock, outbound });
      expect((await restarted.tick()).runs).toMatchObject([{ id: stuck?.id, status: 'done' }]);
      expect(await historyByWorkflow(record.id)).toHaveLength(1);
      expect(await store.workflows.inbox.list('lead1')).toHaveLength(1);
      // The webhook was answered before the crash and is sent again with the same key and message: a
      // receiver that drops repeats by key acts once.
      expect(outbound.sent).toHaveLength(2);
      expect(outbound.distinctKeys()).toHaveLength(1);
      expect(outbound.sent[1]).toEqual(outbound.sent[0]);
    });

    it('sends an outbound message recorded before a crash once, when the call never happened', async () => {
      const record = await submitLow();
      outbound.failNext('before');
      const [run] = await createWorkflowEngine({ store, clock, outbound }).recordChanged({
        type: 'created',
        recordId: record.id,
      });
      expect(run).toMatchObject({ status: 'waiting', stepId: 'tellHr' });
      expect(await store.workflows.runs.effect(`${run?.id}/3/tellHr`)).toMatchObject({ status: 'pending' });
      const restarted = createWorkflowEngine({ store, clock, outbound });
      clock.set(run?.wakeAt ?? '');
      await restarted.tick();
      await restarted.tick();
      expect(outbound.sent).toHaveLength(1);
      expect(await store.workflows.runs.effect(`${run?.id}/3/tellHr`)).toMatchObject({
        status: 'done',
        result: { status: 200 },
      });
    });

    it('repeats an outbound call cut off mid-way only with the same idempotency key and payload', async () => {
      const record = await submitLow();
      outbound.failNext('after');
      const [run] = await createWorkflowEngine({ store, clock, outbound }).recordChanged({
        type: 'created',
        recordId: record.id,
      });
      // Changing the definition cannot change a message already recorded.
      await publishWorkflow(store, reviewRule('changed'));
      clock.set(run?.wakeAt ?? '');
      await createWorkflowEngine({ store, clock, outbound }).tick();
      expect(outbound.sent).toHaveLength(2);
      expect(outbound.distinctKeys()).toHaveLength(1);
      expect(outbound.sent[1]).toEqual(outbound.sent[0]);
      expect((await store.workflows.runs.active()).length).toBe(0);
    });
  });
