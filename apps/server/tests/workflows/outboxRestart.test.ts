import { openStore, type Store } from '@formboard/storage';
import { freshPostgresDatabase } from '@formboard/storage/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedTestStore } from '../support/testServer.ts';
import { type EngineProcess, spawnEngine } from './support/engineProcess.ts';
import { connectReceiver, eventually, followUpWorkflow, publish } from './support/processWorld.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhookReceiver.ts';

const RECORDS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A record change committed while no engine can hear it — the engine killed (kill -9) between the
// commit and the trigger, the event bus's NOTIFY gone with it — still starts its run, once: the
// change left an event in the store's outbox in its own transaction. Then an engine killed while it
// takes those events: the next one starts every run that is left, and none twice.
describe('record changes committed while the engine is down (real processes, PostgreSQL)', () => {
  let database: string;
  let store: Store;
  let receiver: WebhookReceiver;
  const engines: EngineProcess[] = [];
  const spawn = () => {
    const engine = spawnEngine(database, {
      FORMBOARD_WORKFLOW_NODE: 'outbox-engine',
      FORMBOARD_WORKFLOW_TICK_MS: '200',
    });
    engines.push(engine);
    return engine;
  };
  const checkIns = async (from: number) => {
    for (let i = from; i < from + RECORDS; i++)
      await store.records.insert(
        'checkin',
        { week: '2026-11-23', progress: i },
        { actor: 'member', ownerId: 'member' },
      );
  };
  const runs = () => store.workflows.runs.list('checkin-follow-up');

  beforeAll(async () => {
    receiver = await startWebhookReceiver(async () => ({ status: 200 }));
    database = await freshPostgresDatabase(inject('postgresUrl'));
    store = await openStore({ database });
    await seedTestStore(store);
    await connectReceiver(store, receiver.url);
    await publish(store, followUpWorkflow());
  });
  afterAll(async () => {
    await Promise.all(engines.map((engine) => engine.kill()));
    await store?.close();
    await receiver?.close();
  });

  it('starts each run once after the engine comes back, also when killed while taking them', async () => {
    const first = spawn();
    await first.go();
    await first.kill();
    // Committed with nobody listening: nothing but the outbox knows.
    await checkIns(0);
    expect(await store.workflows.recordEvents.pending()).toBe(RECORDS);
    const second = spawn();
    await second.go();
    const started = await eventually(
      runs,
      (all) => all.length === RECORDS && all.every((r) => r.status === 'done'),
    );
    expect(started.map((run) => run.status)).toEqual(Array(RECORDS).fill('done'));

    // Killed right after it starts on the next batch, at a random moment of its take.
    await second.kill();
    await checkIns(RECORDS);
    const third = spawn();
    await third.go();
    await sleep(Math.random() * 100);
    await third.kill();
    const fourth = spawn();
    await fourth.go();
    const all = await eventually(
      runs,
      (found) => found.length === 2 * RECORDS && found.every((r) => r.status === 'done'),
      30_000,
    );
    expect(all.map((run) => run.status)).toEqual(Array(2 * RECORDS).fill('done'));
    // One run per check-in the people wrote (the follow-ups the runs created start none), one each.
    const recordIds = all.map((run) => String((run.context as { recordId?: string }).recordId));
    expect(new Set(recordIds).size).toBe(2 * RECORDS);
    // The changes the runs made themselves are taken too (and start nothing).
    expect(
      await eventually(
        () => store.workflows.recordEvents.pending(),
        (n) => n === 0,
      ),
    ).toBe(0);
    for (const engine of [second, third, fourth]) expect(engine.errors()).not.toMatch(/trigger failed/);
  }, 120_000);
});
