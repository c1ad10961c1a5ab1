import type { Store } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkflowEngine } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { openTestStore, publishWorkflow, scorecardValues } from './support/testStore.ts';

/** On a new scorecard: wait (a duration, or until a date formula), then tell the employee. */
const waitThenTell = (wait: { duration: string } | { until: string }) => ({
  kind: 'workflow',
  id: 'wait-then-tell',
  schemaVersion: 1,
  title: 'Wait then tell',
  trigger: { type: 'record', form: 'kpi-scorecard', events: ['created'] },
  start: 'pause',
  steps: [
    { id: 'pause', type: 'wait', ...wait, next: 'tell' },
    {
      id: 'tell',
      type: 'notify',
      channel: 'inbox',
      to: [{ type: 'field', path: 'employee' }],
      message: { 'zh-CN': '时间到', en: 'Time is up' },
    },
  ],
});

describe('wait steps', () => {
  let clock: FakeClock;
  let store: Store;
  const outbound = new RecordingOutbound();

  beforeEach(async () => {
    clock = new FakeClock('2026-03-04T02:00:00Z');
    store = await openTestStore(clock);
  });
  afterEach(async () => {
    await store.close();
  });

  const start = async () => {
    const record = await store.records.insert('kpi-scorecard', scorecardValues('worker1', '2026-03-02', 80), {
      actor: 'worker1',
    });
    const [run] = await createWorkflowEngine({ store, clock, outbound }).recordChanged({
      type: 'created',
      recordId: record.id,
    });
    return run as NonNullable<typeof run>;
  };

  it('parks the run for a duration, and a tick after it (even after a restart) goes on once', async () => {
    await publishWorkflow(store, waitThenTell({ duration: 'PT2H' }));
    const run = await start();
    expect(run).toMatchObject({ status: 'waiting', stepId: 'pause', wakeAt: '2026-03-04T04:00:00.000Z' });
    clock.set('2026-03-04T03:59:59Z');
    expect((await createWorkflowEngine({ store, clock, outbound }).tick()).runs).toEqual([]);
    expect(await store.workflows.inbox.list('worker1')).toEqual([]);

    clock.set('2026-03-04T04:00:00Z');
    const restarted = createWorkflowEngine({ store, clock, outbound });
    expect((await restarted.tick()).runs).toMatchObject([{ id: run.id, status: 'done' }]);
    expect((await restarted.tick()).runs).toEqual([]);
    expect(await store.workflows.inbox.list('worker1')).toHaveLength(1);
    expect(await store.workflows.runs.effect(`${run.id}/0/pause`)).toMatchObject({
      status: 'done',
      payload: { until: '2026-03-04T04:00:00.000Z' },
    });
  });

  it('waits until the date a formula gives, at midnight in the run time zone', async () => {
    await publishWorkflow(store, waitThenTell({ until: 'period + 7' }));
    const run = await start();
    // 2026-03-09 00:00 in Shanghai.
    expect(run).toMatchObject({ status: 'waiting', wakeAt: '2026-03-08T16:00:00.000Z' });
    clock.set('2026-03-08T16:00:00Z');
    await createWorkflowEngine({ store, clock, outbound }).tick();
    expect(await store.workflows.runs.get(run.id)).toMatchObject({ status: 'done' });
  });

  it('goes straight on when the date has passed', async () => {
    await publishWorkflow(store, waitThenTell({ until: 'period' }));
    expect(await start()).toMatchObject({ status: 'done' });
    expect(await store.workflows.inbox.list('worker1')).toHaveLength(1);
  });
});
