import type { Store, WorkflowRuns } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkflowEngine } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { reviewRule } from './support/reviewRule.ts';
import { openTestStore, publishWorkflow, scorecardValues } from './support/testStore.ts';

const CRASH = new Error('process killed');

/**
 * The store as a process sees it that dies after doing `stepId`'s side effect, before the write that
 * records it done (that write throws, as if the process ended there). The engine writes the outcomes
 * of quiet steps (a record update, an inbox message) with the run's next write, so that write may
 * carry later steps too.
 */
function crashingAfter(store: Store, stepId: string): Store {
  const runs = Object.create(store.workflows.runs) as WorkflowRuns;
  runs.advanceSteps = async (runId, fromSeq, outcomes) => {
    if (outcomes.some((outcome) => outcome.effect?.stepId === stepId)) throw CRASH;
    return store.workflows.runs.advanceSteps(runId, fromSeq, outcomes);
  };
  return { ...store, workflows: { ...store.workflows, runs } };
}

describe('restart after a crash', () => {
  let clock: FakeClock;
  let store: Store;
  let outbound: RecordingOutbound;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-04T02:00:00Z');
    store = await openTestStore(clock);
    await publishWorkflow(store, reviewRule());
    outbound = new RecordingOutbound();
  });
  afterEach(async () => {
    await store.close();
  });

  const submitLow = () =>
    store.records.insert('kpi-scorecard', scorecardValues('worker1', '2026-03-02', 42), { actor: 'worker1' });

  // Each side-effect step in turn: the first process dies after the effect, a new engine resumes.
  for (const stepId of ['markComment', 'tellSupervisor'] as const) {
    it(`never repeats ${stepId} when the process died before recording it done`, async () => {
      const record = await submitLow();
      const dying = createWorkflowEngine({ store: crashingAfter(store, stepId), clock, outbound });
      await expect(dying.recordChanged({ type: 'created', recordId: record.id })).rejects.toBe(CRASH);
      // Nothing after the start was written: the run stands at its first step.
      const [stuck] = await store.workflows.runs.active();
      expect(stuck).toMatchObject({ stepId: 'isLow', stepSeq: 0 });

      const restarted = createWorkflowEngine({ store, clock, outbound });
      expect((await restarted.tick()).runs).toMatchObject([{ id: stuck?.id, status: 'done' }]);
      expect((await restarted.tick()).runs).toEqual([]);
      const history = await store.records.history(record.id);
      expect(history.filter((h) => h.changedBy.startsWith('workflow:'))).toHaveLength(1);
      expect(await store.workflows.inbox.list('lead1')).toHaveLength(1);
      // The webhook went out before the crash and again after it, with the same key and message: a
      // receiver (or the server's connector layer) drops the repeat.
      expect(outbound.sent).toHaveLength(2);
      expect(outbound.distinctKeys()).toHaveLength(1);
      expect(outbound.sent[1]).toEqual(outbound.sent[0]);
    });
  }

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
