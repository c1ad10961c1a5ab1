import type { Store } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createWorkflowEngine } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { GatedOutbound } from './support/GatedOutbound.ts';
import { reviewRule } from './support/reviewRule.ts';
import { openTestStorePair, publishWorkflow, scorecardValues } from './support/testStore.ts';

/** The review rule, with at most `maxRuns` of its runs walking at once. */
const limited = (maxRuns: number) => ({ ...reviewRule(), concurrency: { maxRuns } });

// Let pending database work and promise chains run, so a run that would (wrongly) start does.
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`a workflow's concurrency limit: ${database}`, () => {
    let clock: FakeClock;
    let first: Store;
    let second: Store;

    beforeEach(async () => {
      clock = new FakeClock('2026-03-04T02:00:00Z');
      const url = database === 'PostgreSQL' ? inject('postgresUrl') : undefined;
      [first, second] = await openTestStorePair(clock, url);
    });
    afterEach(async () => {
      await first.close();
      await second.close();
    });

    const submit = async (count: number) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const employee = i % 2 === 0 ? 'worker1' : 'worker2';
        const values = scorecardValues(employee, '2026-03-02', 40 + i);
        ids.push((await first.records.insert('kpi-scorecard', values, { actor: employee })).id);
      }
      return ids;
    };

    it('walks at most maxRuns runs at once; the others wait their turn and all finish', async () => {
      await publishWorkflow(first, limited(2));
      const gate = new GatedOutbound();
      const engine = createWorkflowEngine({ store: first, clock, outbound: gate });
      const ids = await submit(5);
      const walking = Promise.all(ids.map((recordId) => engine.recordChanged({ type: 'created', recordId })));
      await gate.inFlight(2);
      await settle();
      expect(gate.waiting).toHaveLength(2);
      while (gate.delivered.length < 5) {
        await gate.inFlight(1);
        gate.releaseOne();
        await settle();
        expect(gate.waiting.length).toBeLessThanOrEqual(2);
      }
      await walking;
      expect(gate.maxInFlight).toBe(2);
      const runs = await first.workflows.runs.list('low-score-review');
      expect(runs.map((r) => r.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
      expect(new Set(gate.delivered.map((m) => m.idempotencyKey)).size).toBe(5);
    });

    it('holds the limit across engines on one database', async () => {
      await publishWorkflow(first, limited(1));
      const gate = new GatedOutbound();
      const engines = [first, second].map((store, i) =>
        createWorkflowEngine({ store, clock, outbound: gate, holder: `engine-${i}` }),
      );
      const [a, b] = await submit(2);
      const walking = engines[0]?.recordChanged({ type: 'created', recordId: a ?? '' });
      await gate.inFlight(1);
      // The second engine starts the other run, but may not walk it while the first holds the slot.
      const [queued] = (await engines[1]?.recordChanged({ type: 'created', recordId: b ?? '' })) ?? [];
      expect(queued).toMatchObject({ status: 'running', stepSeq: 0 });
      expect((await engines[1]?.tick())?.runs).toMatchObject([{ id: queued?.id, stepSeq: 0 }]);
      await settle();
      expect(gate.waiting).toHaveLength(1);
      // When the slot frees, the engine that held it goes on with the run waiting its turn.
      gate.releaseOne();
      await gate.inFlight(1);
      gate.releaseOne();
      await walking;
      expect(gate.maxInFlight).toBe(1);
      expect((await first.workflows.runs.list('low-score-review')).map((r) => r.status)).toEqual([
        'done',
        'done',
      ]);
    });
  });
}
