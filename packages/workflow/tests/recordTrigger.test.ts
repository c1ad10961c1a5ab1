import type { Store } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkflowEngine, type WorkflowEngine } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { reviewRule } from './support/reviewRule.ts';
import { openTestStore, publishWorkflow, scorecardValues } from './support/testStore.ts';

describe('record triggers and steps', () => {
  let clock: FakeClock;
  let store: Store;
  let outbound: RecordingOutbound;
  let engine: WorkflowEngine;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-04T02:00:00Z');
    store = await openTestStore(clock);
    await publishWorkflow(store, reviewRule());
    outbound = new RecordingOutbound();
    engine = createWorkflowEngine({ store, clock, outbound });
  });
  afterEach(async () => {
    await store.close();
  });

  const submitLow = async () => {
    const draft = await store.records.insert(
      'kpi-scorecard',
      scorecardValues('worker1', '2026-03-02', 42, 'draft'),
      {
        actor: 'worker1',
      },
    );
    expect(await engine.recordChanged({ type: 'created', recordId: draft.id })).toEqual([]);
    const submitted = await store.records.update(
      draft.id,
      { ...draft.data, status: 'submitted' },
      { actor: 'worker1', baseRevision: 1 },
    );
    return submitted;
  };

  it('starts a run when the condition on the new and $old values holds, and walks every step', async () => {
    const record = await submitLow();
    const [run] = await engine.recordChanged({ type: 'updated', recordId: record.id });
    expect(run).toMatchObject({ status: 'done', workflowVersion: 1, eventKey: `record:${record.id}:2` });
    const updated = await store.records.get(record.id);
    expect(updated).toMatchObject({ revision: 3, data: { comment: '需复核：42', status: 'submitted' } });
    expect((await store.records.history(record.id))[2]?.changedBy).toMatch(/^workflow:/);
    expect((await store.workflows.inbox.list('lead1')).map((m) => m.message)).toEqual([
      { 'zh-CN': 'worker1 得分 42，请复核', en: 'worker1 得分 42，请复核 (en)' },
    ]);
    expect(outbound.sent).toMatchObject([
      { channel: 'webhook', connector: 'hr-hook', text: { en: 'low score 42 for worker1' }, mentions: [] },
    ]);

    // The workflow's own update is a record change too: its $old is already submitted, so no loop.
    expect(await engine.recordChanged({ type: 'updated', recordId: record.id })).toEqual([]);
  });

  it('starts one run for an event delivered twice', async () => {
    const record = await submitLow();
    const first = await engine.recordChanged({ type: 'updated', recordId: record.id, revision: 2 });
    const again = await engine.recordChanged({ type: 'updated', recordId: record.id, revision: 2 });
    expect(again.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(await store.workflows.runs.list('low-score-review')).toHaveLength(1);
    expect(await store.workflows.inbox.list('lead1')).toHaveLength(1);
    expect(outbound.sent).toHaveLength(1);
    expect((await store.records.get(record.id)).revision).toBe(3);
  });

  it('ends at a condition without a matching branch, and skips runs whose condition fails', async () => {
    const fine = await store.records.insert('kpi-scorecard', scorecardValues('worker2', '2026-03-02', 90), {
      actor: 'worker2',
    });
    const [run] = await engine.recordChanged({ type: 'created', recordId: fine.id });
    expect(run).toMatchObject({ status: 'done', stepSeq: 1 });
    expect(await store.workflows.inbox.list('lead2')).toEqual([]);
    const draft = await store.records.insert(
      'kpi-scorecard',
      scorecardValues('worker2', '2026-03-02', 10, 'draft'),
      {
        actor: 'worker2',
      },
    );
    expect(await engine.recordChanged({ type: 'created', recordId: draft.id })).toEqual([]);
  });

  it('keeps the definition version a run started with', async () => {
    outbound.failNext('before');
    const record = await submitLow();
    const [run] = await engine.recordChanged({ type: 'updated', recordId: record.id });
    // The call failed for now: the run waits at the step for its next try.
    expect(run).toMatchObject({
      status: 'waiting',
      stepId: 'tellHr',
      attempts: 1,
      error: { en: expect.stringContaining('refused') },
    });
    expect(await publishWorkflow(store, reviewRule('新版：{{employee}}'))).toBe(2);
    clock.set(run?.wakeAt ?? '');
    const [resumed] = (await engine.tick()).runs;
    expect(resumed).toMatchObject({ id: run?.id, status: 'done', workflowVersion: 1 });
    expect(outbound.sent).toHaveLength(1);
    clock.advanceHours(1);
    const later = await store.records.insert('kpi-scorecard', scorecardValues('worker1', '2026-03-09', 30), {
      actor: 'worker1',
    });
    const [next] = await engine.recordChanged({ type: 'created', recordId: later.id });
    expect(next?.workflowVersion).toBe(2);
    expect((await store.workflows.inbox.list('lead1')).map((m) => m.message['zh-CN'])).toEqual([
      '新版：worker1',
      'worker1 得分 42，请复核',
    ]);
  });
});
