import { openStore, type Store } from '@formboard/storage';
import { freshPostgresDatabase } from '@formboard/storage/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EventBus } from '../../src/events/ChangeEvent.ts';
import { postgresEventBus } from '../../src/events/postgresEventBus.ts';
import { newSecretKey, secretBox } from '../../src/outbound/secretBox.ts';
import { standardWebhookSignature } from '../../src/workflows/robotSigning.ts';
import { seedTestStore } from '../support/testServer.ts';
import { cutByKill, describeRepeats, outboundDoneAt, traceKeys } from './support/callTraces.ts';
import { type EngineProcess, spawnEngine } from './support/engineProcess.ts';
import {
  connectReceiver,
  eventually,
  followUpWorkflow,
  HOOK_SECRET,
  publish,
} from './support/processWorld.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhookReceiver.ts';

const RUNS = 30;
const KILLS = 20;

// A small seeded generator (mulberry32), so a failing round can be replayed with its seed.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The engine runs in its own process on PostgreSQL, and is killed with SIGKILL 20 times at random
// moments while 30 runs of five side effects each (two of them HTTP calls to a receiver on 127.0.0.1)
// are under way; each time a new process takes over (its own leases, under the same node name, are
// taken back at start). Afterwards every run must be done, every database side effect (a record
// update, a record created, an inbox message) done exactly once, and every outbound call received.
// An outbound call is repeated only when a kill cut it in flight — made, and not yet marked done
// when its process died — and then with the same key and body (a receiver that dedupes drops it):
// each process tells of its calls as it makes them, so every repeat is matched to the kill that cut it.
describe('kill -9 of the workflow engine during runs (real processes, PostgreSQL)', () => {
  const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
  const next = random(seed);
  const delay = random(seed + 1);
  const key = newSecretKey();
  let database: string;
  let store: Store;
  let bus: EventBus;
  let receiver: WebhookReceiver;
  const engines: EngineProcess[] = [];

  beforeAll(async () => {
    // The receiver answers after 10–60 ms, so kills land inside calls too.
    receiver = await startWebhookReceiver(async () => {
      await sleep(10 + delay() * 50);
      return { status: 200 };
    });
    database = await freshPostgresDatabase(inject('postgresUrl'));
    store = await openStore({ database });
    await seedTestStore(store);
    await connectReceiver(store, receiver.url, secretBox(key));
    await publish(store, followUpWorkflow(2));
    bus = await postgresEventBus(database, () => undefined);
  });
  afterAll(async () => {
    await Promise.all(engines.map((engine) => engine.kill()));
    await bus?.close();
    await store?.close();
    await receiver?.close();
  });

  it(`completes every run after ${KILLS} kills at random points, and no side effect happens twice`, async () => {
    const spawn = () => {
      const engine = spawnEngine(database, {
        FORMBOARD_SECRET_KEY: key,
        FORMBOARD_WORKFLOW_NODE: 'engine-under-test',
        FORMBOARD_WORKFLOW_TICK_MS: '100',
      });
      engines.push(engine);
      return engine;
    };
    // Processes start slowly (their imports), so two more wait warm while one works.
    const standbys = [spawn(), spawn()];
    let current = spawn();
    await current.go();
    // The check-ins are written (as a server process would) and announced on the bus.
    for (let i = 0; i < RUNS; i++) {
      const record = await store.records.insert(
        'checkin',
        { week: '2026-11-23', progress: i },
        { actor: 'member', ownerId: 'member' },
      );
      await bus.publish({
        type: 'record.created',
        formId: 'checkin',
        recordId: record.id,
        ownerId: 'member',
        orgUnitId: 'ou-line1',
      });
    }
    const started = await eventually(
      async () => (await store.workflows.runs.list('checkin-follow-up')).length,
      (n) => n === RUNS,
    );
    expect(started, `seed ${seed}`).toBe(RUNS);

    const killedAfter: number[] = [];
    let waited = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      // Kill at a random moment once this engine is at work (it has made a call).
      const seen = receiver.received.length;
      await eventually(
        async () => receiver.received.length,
        (n) => n > seen,
        3000,
      );
      await sleep(next() * 150);
      killedAfter.push(receiver.received.length);
      await current.kill();
      current = standbys.shift() ?? spawn();
      const before = Date.now();
      await current.go();
      waited += Date.now() - before;
      if (standbys.length < KILLS - kill - 1) standbys.push(spawn());
    }
    await Promise.all(standbys.map((standby) => standby.kill()));

    const runs = await eventually(
      () => store.workflows.runs.list('checkin-follow-up'),
      (all) => all.every((run) => run.status === 'done'),
      30_000,
    );
    const where = `seed ${seed}, kills after ${killedAfter.join(',')} deliveries`;
    expect(
      runs.filter((run) => run.status !== 'done').map((run) => [run.stepId, run.error]),
      where,
    ).toEqual([]);
    expect(current.errors(), where).toBe('');

    // Database side effects, exactly once each per run: the note, the follow-up record, the inbox message.
    const { records } = await store.records.list('checkin', { limit: 1000 });
    const inbox = await store.workflows.inbox.list('manager');
    for (const run of runs) {
      const recordId = String((run.context as { recordId?: string }).recordId);
      const writes = (await store.records.history(recordId)).filter((h) =>
        h.changedBy.startsWith('workflow:'),
      );
      const by = `${where}, run ${run.id}`;
      expect(
        writes.map((h) => h.changedBy),
        by,
      ).toEqual([`workflow:${run.id}/1/mark`]);
      expect(
        records.filter((r) => r.createdBy === `workflow:${run.id}/3/open`),
        by,
      ).toHaveLength(1);
      expect(
        inbox.filter((m) => m.runId === run.id),
        by,
      ).toHaveLength(1);
    }
    expect(
      records.filter((r) => r.createdBy.startsWith('workflow:')),
      where,
    ).toHaveLength(RUNS);
    expect(inbox, where).toHaveLength(RUNS);

    // Outbound calls: each key received, signed, every repeat identical.
    const expected = new Set(runs.flatMap((run) => [`${run.id}/0/hook`, `${run.id}/2/erp`]));
    expect(receiver.keys(), where).toEqual(expected);
    for (const got of receiver.received.filter((r) => r.url === '/hook')) {
      const id = String(got.headers['idempotency-key']);
      const timestamp = Number(got.headers['webhook-timestamp']);
      const signature = standardWebhookSignature(HOOK_SECRET, id, timestamp, got.body);
      expect(got.headers['webhook-signature'], where).toBe(signature);
    }
    // Every repeat is explained by a kill. Each process told of its calls as it made them; the final
    // one is stopped now that every run is done, so all it told is read.
    await current.kill();
    const traces = traceKeys(expected, engines, receiver.received, await outboundDoneAt(database));
    for (const { key, calls, deliveries, doneAt } of traces) {
      const trace = `${where}, ${key}`;
      expect(new Set(deliveries.map((d) => d.body)).size, trace).toBe(1);
      expect(doneAt, trace).toBeDefined();
      // Each call but the last was in flight when its process was killed: made before the kill,
      // not yet marked done then. Nothing went out, or came in, once the call was marked done.
      expect(
        calls.slice(0, -1).filter((call) => !cutByKill(call, doneAt)),
        trace,
      ).toEqual([]);
      expect(
        calls.filter((call) => call.sentAt > (doneAt ?? 0)),
        trace,
      ).toEqual([]);
      expect(
        deliveries.filter((got) => got.at > (doneAt ?? 0)),
        trace,
      ).toEqual([]);
      // One call per process, and each delivery came from one of them.
      expect(new Set(calls.map((call) => call.process)).size, trace).toBe(calls.length);
      expect(deliveries.length, trace).toBeLessThanOrEqual(calls.length);
    }
    // A kill cuts at most the calls of the runs walking at that moment: the workflow walks two at once.
    const cutBy = new Map<number, number>();
    for (const { calls } of traces)
      for (const call of calls.slice(0, -1)) cutBy.set(call.process, (cutBy.get(call.process) ?? 0) + 1);
    expect(Math.max(0, ...cutBy.values()), where).toBeLessThanOrEqual(2);
    console.log(
      `kill -9 ×${KILLS} (seed ${seed}): ${RUNS} runs done; ${describeRepeats(traces)}; waited ${waited} ms for engines to start`,
    );
  }, 120_000);
});
