import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkflowEngine, latestOccurrence } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { openTestStore, openTestStorePair, publishWorkflow } from './support/testStore.ts';

/** Midnight on the first of each month in Shanghai (16:00 UTC the day before): tell the boss. */
const monthly = (timeZone?: string) => ({
  kind: 'workflow',
  id: 'monthly-review',
  schemaVersion: 1,
  title: { 'zh-CN': '月度复盘', en: 'Monthly review' },
  trigger: { type: 'schedule', cron: '0 0 1 * *', ...(timeZone ? { timeZone } : {}) },
  start: 'tell',
  steps: [
    {
      id: 'tell',
      type: 'notify',
      channel: 'inbox',
      to: [{ type: 'user', id: 'boss' }],
      message: { 'zh-CN': '请开始月度复盘', en: 'Time for the monthly review' },
    },
  ],
});

describe('latestOccurrence', () => {
  it('reads the cron in the time zone and includes an occurrence at exactly now', () => {
    const mondays = (iso: string) =>
      latestOccurrence('0 9 * * MON', 'Asia/Shanghai', new Date(iso))?.toISOString();
    expect(mondays('2026-03-02T01:00:00.000Z')).toBe('2026-03-02T01:00:00.000Z');
    expect(mondays('2026-03-02T00:59:59.999Z')).toBe('2026-02-23T01:00:00.000Z');
    expect(latestOccurrence('0 9 * * MON', 'UTC', new Date('2026-03-02T08:59:00Z'))?.toISOString()).toBe(
      '2026-02-23T09:00:00.000Z',
    );
  });
});

describe('schedule triggers', () => {
  let clock: FakeClock;
  let outbound: RecordingOutbound;

  beforeEach(() => {
    clock = new FakeClock('2026-03-31T15:00:00Z');
    outbound = new RecordingOutbound();
  });

  describe('on one engine', () => {
    let store: Awaited<ReturnType<typeof openTestStore>>;
    beforeEach(async () => {
      store = await openTestStore(clock);
    });
    afterEach(async () => {
      await store.close();
    });

    it('fires once per occurrence across a month boundary in Asia/Shanghai, also after a restart', async () => {
      await publishWorkflow(store, monthly());
      const engine = createWorkflowEngine({ store, clock, outbound });
      const tickAt = async (iso: string, on = engine) => {
        clock.set(iso);
        return (await on.tick()).started;
      };
      // The first tick that sees the workflow starts its schedule from now.
      expect(await tickAt('2026-03-31T15:00:00Z')).toEqual([]);
      expect(await tickAt('2026-03-31T15:59:59Z')).toEqual([]);
      // April 1st, 00:00 in Shanghai.
      expect(await tickAt('2026-03-31T16:00:00Z')).toHaveLength(1);
      expect(await tickAt('2026-03-31T16:00:30Z')).toEqual([]);
      const restarted = createWorkflowEngine({ store, clock, outbound });
      expect(await tickAt('2026-03-31T16:00:45Z', restarted)).toEqual([]);
      // Midnight UTC is not midnight in Shanghai.
      expect(await tickAt('2026-04-01T00:00:00Z', restarted)).toEqual([]);

      const [run] = await store.workflows.runs.list('monthly-review');
      expect(run).toMatchObject({
        status: 'done',
        eventKey: 'schedule:2026-03-31T16:00:00.000Z',
        context: {
          variables: { run: { scheduledAt: '2026-03-31T16:00:00.000Z' } },
          timeZone: 'Asia/Shanghai',
        },
      });
      expect((await store.workflows.inbox.list('boss')).map((m) => m.message.en)).toEqual([
        'Time for the monthly review',
      ]);

      // After an outage over two occurrences (May 1st, June 1st), only the latest fires, once.
      expect(await tickAt('2026-06-15T03:00:00Z', restarted)).toHaveLength(1);
      expect(await tickAt('2026-06-15T03:01:00Z', restarted)).toEqual([]);
      expect((await store.workflows.runs.list('monthly-review')).map((r) => r.eventKey)).toEqual([
        'schedule:2026-03-31T16:00:00.000Z',
        'schedule:2026-05-31T16:00:00.000Z',
      ]);
      expect(await store.workflows.schedules.cursor('monthly-review')).toBe('2026-05-31T16:00:00.000Z');
    });

    it('reads the cron in the trigger time zone when one is given', async () => {
      await publishWorkflow(store, monthly('UTC'));
      const engine = createWorkflowEngine({ store, clock, outbound });
      await engine.tick();
      clock.set('2026-03-31T16:00:00Z');
      expect((await engine.tick()).started).toEqual([]);
      clock.set('2026-04-01T00:00:00Z');
      expect((await engine.tick()).started).toHaveLength(1);
    });
  });

  it('fires an occurrence once when two processes tick at the same time', async () => {
    const [first, second] = await openTestStorePair(clock);
    try {
      await publishWorkflow(first, monthly());
      const engines = [first, second].map((store) => createWorkflowEngine({ store, clock, outbound }));
      await engines[0]?.tick();
      clock.set('2026-03-31T16:00:10Z');
      const reports = await Promise.all(engines.map((engine) => engine.tick()));
      expect(reports.flatMap((r) => r.started)).toHaveLength(1);
      expect(reports.flatMap((r) => r.problems)).toEqual([]);
      expect(await first.workflows.runs.list('monthly-review')).toHaveLength(1);
      expect(await first.workflows.inbox.list('boss')).toHaveLength(1);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
