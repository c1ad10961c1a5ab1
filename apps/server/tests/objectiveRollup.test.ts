import { rollupValue } from '@formboard/schema';
import { openStore, type Store, type StoredRecord } from '@formboard/storage';
import { freshSqliteFile } from '@formboard/storage/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seedDemo.ts';
import { rolledUpEvents } from '../src/events/announceRolledUp.ts';
import { recordDeriver } from '../src/records/recordDeriver.ts';
import { Client, EventStream } from './support/client.ts';

const TODAY = new Date('2026-11-27T02:00:00Z');
const PROGRESS = {
  target: 'progress',
  from: 'key-result',
  via: 'objective',
  measure: 'weightedAvg',
  field: 'progress',
  weight: 'weight',
} as const;

// The starter pack's objectives roll their progress up from their key results, kept by the server:
// the sample company as loaded, and journey 2 — a check-in moves its key result through the pack's
// workflow, and the key result's objective follows, announced to live boards like any change.
describe('objective progress rolled up from key results, through the server', () => {
  let store: Store;
  let app: FastifyInstance;
  let url: string;
  let zhangsan: Client;
  const all = async (form: string) => (await store.records.list(form, { limit: 100_000 })).records;
  const lineObjective = async () => {
    const [objective] = (
      await store.records.list('objective', { filter: 'title = "装配一线：交付准时、一次做对"' })
    ).records;
    if (!objective) throw new Error('the demo line has no objective');
    return objective;
  };

  beforeAll(async () => {
    store = await openStore({ database: freshSqliteFile(), recordDeriver });
    await seedDemo(store, TODAY);
    app = await buildServer({ store, workflows: { outbound: { send: async () => {} }, tickMs: 60_000 } });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    zhangsan = await Client.signIn(url, 'zhangsan', DEMO_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('gives every objective of the sample company the weighted progress of its key results', async () => {
    const keyResults = new Map<string, StoredRecord['data'][]>();
    for (const kr of await all('key-result'))
      keyResults.set(String(kr.data.objective), [
        ...(keyResults.get(String(kr.data.objective)) ?? []),
        kr.data,
      ]);
    const objectives = await all('objective');
    expect(objectives.length).toBeGreaterThan(400);
    const wrong = objectives.filter(
      (o) => o.data.progress !== rollupValue(PROGRESS, keyResults.get(o.id) ?? []),
    );
    expect(wrong.map((o) => o.data.title)).toEqual([]);
    // The demo line: 3/8 × 40 + 0.25 × 20 + 0.25 × 10 + 4/15 × 30, over 100.
    expect((await lineObjective()).data.progress).toBeCloseTo(0.305, 12);
  });

  it('moves the objective when a check-in moves its key result, and tells live boards', async () => {
    const before = await lineObjective();
    const [rework] = (await store.records.list('key-result', { filter: 'title = "工位返工率从 4% 降到 2%"' }))
      .records;
    const stream = await EventStream.open(url, '/api/events', zhangsan.cookie);
    try {
      const created = await zhangsan.call('POST', '/api/forms/check-in/records', {
        data: { keyResult: rework?.id, owner: 'zhangsan', week: '2026-11-23', value: 3, confidence: 'high' },
      });
      expect(created.status).toBe(201);
      const events = [await stream.next(), await stream.next(), await stream.next()].map((e) => e.data);
      expect(events.map((e) => [e.type, e.formId, e.recordId === before.id])).toEqual([
        ['record.created', 'check-in', false],
        ['record.updated', 'key-result', false],
        ['record.updated', 'objective', true],
      ]);
      expect(events[2]).toMatchObject({ byWorkflow: true, revision: before.revision + 1 });
    } finally {
      stream.close();
    }
    // The key result went from 0.25 to 0.5: 0.305 + 0.25 × 20 / 100.
    const after = await lineObjective();
    expect(after.data.progress).toBeCloseTo(0.355, 12);
    const [revision] = (await store.records.history(after.id)).slice(-1);
    expect(revision).toMatchObject({ operation: 'update', changedBy: expect.stringMatching(/^workflow:/) });
  });
});

describe('the events of rolled-up records', () => {
  const record = (id: string, formId: string, updatedBy: string): StoredRecord => ({
    id,
    formId,
    formVersion: 1,
    data: {},
    ownerId: 'manager',
    orgUnitId: 'ou-line1',
    revision: 3,
    createdAt: '2026-11-27T02:00:00.000Z',
    createdBy: 'manager',
    updatedAt: '2026-11-27T02:00:00.000Z',
    updatedBy,
    deletedAt: null,
  });

  it('are one update per record, marked when a workflow step caused them', () => {
    expect(
      rolledUpEvents([
        record('o1', 'objective', 'workflow:run-1/step'),
        record('b1', 'breakthrough', 'lisi'),
      ]),
    ).toEqual([
      {
        type: 'record.updated',
        formId: 'objective',
        recordId: 'o1',
        ownerId: 'manager',
        orgUnitId: 'ou-line1',
        revision: 3,
        byWorkflow: true,
      },
      {
        type: 'record.updated',
        formId: 'breakthrough',
        recordId: 'b1',
        ownerId: 'manager',
        orgUnitId: 'ou-line1',
        revision: 3,
      },
    ]);
  });

  it('are one change of the form when a write rolled up many of its records', () => {
    const many = Array.from({ length: 51 }, (_, i) => record(`o${i}`, 'objective', 'import'));
    expect(rolledUpEvents(many)).toEqual([
      { type: 'records.imported', formId: 'objective', recordId: '', ownerId: '', orgUnitId: null },
    ]);
  });
});
