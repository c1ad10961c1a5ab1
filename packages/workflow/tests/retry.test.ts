import type { Store } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createWorkflowEngine,
  DEFAULT_RETRY,
  type OutboundPort,
  retryDelay,
  StepFailed,
} from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { reviewRule } from './support/reviewRule.ts';
import { openTestStore, publishWorkflow, scorecardValues } from './support/testStore.ts';

describe('retryDelay', () => {
  const policy = { attempts: 10, firstDelayMs: 1000, maxDelayMs: 10_000 };

  it('doubles from the first delay up to the cap, spread by at most 20 %', () => {
    const bases = [1000, 2000, 4000, 8000, 10_000, 10_000];
    bases.forEach((base, i) => {
      const delay = retryDelay(policy, 'run/3/tellHr', i + 1);
      expect(delay).toBeGreaterThanOrEqual(base * 0.8);
      expect(delay).toBeLessThanOrEqual(base * 1.2);
    });
  });

  it('waits the same for the same effect and attempt, and differently for different effects', () => {
    expect(retryDelay(policy, 'a/0/x', 2)).toBe(retryDelay(policy, 'a/0/x', 2));
    const spread = new Set(Array.from({ length: 20 }, (_, i) => retryDelay(policy, `run${i}/0/x`, 1)));
    expect(spread.size).toBeGreaterThan(10);
  });
});

describe('retries of a step that failed for now', () => {
  let clock: FakeClock;
  let store: Store;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-04T02:00:00Z');
    store = await openTestStore(clock);
    await publishWorkflow(store, reviewRule());
  });
  afterEach(async () => {
    await store.close();
  });

  const submitLow = async (outbound: OutboundPort, retry = {}) => {
    const engine = createWorkflowEngine({ store, clock, outbound, retry });
    const record = await store.records.insert('kpi-scorecard', scorecardValues('worker1', '2026-03-02', 42), {
      actor: 'worker1',
    });
    const [run] = await engine.recordChanged({ type: 'created', recordId: record.id });
    return { engine, run: run ?? (await store.workflows.runs.list('low-score-review'))[0] };
  };

  it('waits longer after each failure, then sends the same message with the same key once it goes through', async () => {
    const outbound = new RecordingOutbound();
    for (let i = 0; i < 3; i++) outbound.failNext('before');
    const { engine, run } = await submitLow(outbound);
    const waits: number[] = [];
    let current = await store.workflows.runs.get(run?.id ?? '');
    while (current.status === 'waiting') {
      const wakeAt = Date.parse(current.wakeAt ?? '');
      waits.push(wakeAt - clock.now().getTime());
      clock.set(new Date(wakeAt - 1).toISOString());
      await engine.tick(); // not yet
      clock.set(new Date(wakeAt).toISOString());
      await engine.tick();
      current = await store.workflows.runs.get(current.id);
    }
    expect(current).toMatchObject({ status: 'done', attempts: 0, error: null });
    expect(outbound.calls).toHaveLength(4);
    expect(new Set(outbound.calls.map((m) => JSON.stringify(m))).size).toBe(1);
    expect(outbound.sent).toHaveLength(1);
    // 30 s, 60 s, 120 s (± 20 %): the default policy.
    expect(waits).toHaveLength(3);
    waits.forEach((wait, i) => {
      const base = DEFAULT_RETRY.firstDelayMs * 2 ** i;
      expect(wait).toBeGreaterThanOrEqual(base * 0.8);
      expect(wait).toBeLessThanOrEqual(base * 1.2);
    });
    // The other steps were done once: the retries repeated only the failing step.
    expect(await store.workflows.inbox.list('lead1')).toHaveLength(1);
  });

  it('tells why while it waits, and fails the run after the last try', async () => {
    const down: OutboundPort = {
      send: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:9');
      },
    };
    const { engine, run } = await submitLow(down, { attempts: 3, firstDelayMs: 1000 });
    expect(run).toMatchObject({
      status: 'waiting',
      attempts: 1,
      error: { 'zh-CN': expect.stringContaining('第 1 次失败'), en: expect.stringContaining('ECONNREFUSED') },
    });
    for (let i = 0; i < 2; i++) {
      clock.advanceHours(1);
      await engine.tick();
    }
    expect(await store.workflows.runs.get(run?.id ?? '')).toMatchObject({
      status: 'failed',
      error: { en: 'step tellHr gave up after 3 tries: connect ECONNREFUSED 127.0.0.1:9' },
    });
  });

  it('fails the run at once when the receiver refused the message for good', async () => {
    let calls = 0;
    const refusing: OutboundPort = {
      send: async () => {
        calls++;
        throw new StepFailed({
          'zh-CN': '机器人拒绝了消息：签名不匹配',
          en: 'the robot refused the message: bad signature',
        });
      },
    };
    const { engine, run } = await submitLow(refusing);
    clock.advanceHours(5);
    await engine.tick();
    expect(calls).toBe(1);
    expect(await store.workflows.runs.get(run?.id ?? '')).toMatchObject({
      status: 'failed',
      error: { en: 'the robot refused the message: bad signature' },
    });
  });
});
