import type { Store } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createWorkflowEngine } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { openTestStorePair, publishWorkflow, scorecardValues } from './support/testStore.ts';

/** A workflow telling the employee's supervisor of every new scorecard (`id` and a tag in the message). */
const onCreate = (id: string, tag = id) => ({
  kind: 'workflow',
  id,
  schemaVersion: 1,
  title: { 'zh-CN': id, en: id },
  trigger: { type: 'record', form: 'kpi-scorecard', events: ['created'] },
  start: 'tell',
  steps: [
    {
      id: 'tell',
      type: 'notify',
      channel: 'inbox',
      to: [{ type: 'supervisor', of: 'employee' }],
      message: `${tag} {{score}}`,
    },
  ],
});

// A workflow starts on the changes committed after it was published, each exactly once — also when
// the publish races the engine's reading of the workflows or writes in flight on another connection.
// Changes committed before it was published never start it, even when they wait in the outbox for
// another workflow.
for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`workflows hear the changes after their publish: ${database}`, () => {
    let clock: FakeClock;
    let first: Store;
    let second: Store;
    const engineOn = (store: Store, holder: string) =>
      createWorkflowEngine({ store, clock, outbound: new RecordingOutbound(), holder });
    const scorecard = (store: Store, score: number) =>
      store.records.insert('kpi-scorecard', scorecardValues('worker1', '2026-03-02', score), {
        actor: 'worker1',
      });
    /** Per workflow, the scores of the records its runs were about. */
    const heard = async (workflowId: string) =>
      (await first.workflows.runs.list(workflowId))
        .map((run) => (run.context as { data: { score: number } }).data.score)
        .sort((a, b) => a - b);

    beforeEach(async () => {
      clock = new FakeClock('2026-03-04T02:00:00Z');
      [first, second] = await openTestStorePair(
        clock,
        database === 'PostgreSQL' ? inject('postgresUrl') : undefined,
      );
    });
    afterEach(async () => {
      await first.close();
      await second.close();
    });

    it('leaves nothing in the outbox while no workflow listens, then starts a new one once per change', async () => {
      const engine = engineOn(first, 'a');
      await scorecard(first, 10);
      expect(await first.workflows.recordEvents.pending()).toBe(0);
      await publishWorkflow(first, onCreate('newcomer'));
      const record = await scorecard(first, 20);
      await scorecard(first, 30);
      // Two engines on the database and a caller with the change in hand: one run per change.
      await Promise.all([engine.drainRecordEvents(), engineOn(second, 'b').drainRecordEvents()]);
      await engine.recordChanged({ type: 'created', recordId: record.id });
      expect(await heard('newcomer')).toEqual([20, 30]);
      expect((await first.workflows.runs.list('newcomer')).every((r) => r.status === 'done')).toBe(true);
      expect(await first.workflows.recordEvents.pending()).toBe(0);
    });

    it('does not start a workflow on changes committed before its publish that were still waiting', async () => {
      await publishWorkflow(first, onCreate('early'));
      await scorecard(first, 1);
      await publishWorkflow(first, onCreate('late'));
      await scorecard(first, 2);
      await engineOn(first, 'a').tick();
      expect(await heard('early')).toEqual([1, 2]);
      expect(await heard('late')).toEqual([2]);
    });

    it('hears a change made right after a publish the engine had not seen when it listed the workflows', async () => {
      await publishWorkflow(first, onCreate('steady'));
      // The publish (a new workflow and a new version) commits between the engine's listing and its take.
      const racing = { ...first, definitions: Object.create(first.definitions) } as Store;
      let raced = false;
      racing.definitions.list = async (kind) => {
        const listed = await first.definitions.list(kind);
        if (!raced) {
          raced = true;
          await publishWorkflow(first, onCreate('racer'));
          await publishWorkflow(first, onCreate('steady', 'v2'));
          await scorecard(first, 42);
        }
        return listed;
      };
      const engine = createWorkflowEngine({ store: racing, clock, outbound: new RecordingOutbound() });
      expect(await engine.drainRecordEvents()).toMatchObject({ events: 1, started: 2 });
      expect(await heard('racer')).toEqual([42]);
      const [steady] = await first.workflows.runs.list('steady');
      expect(steady?.workflowVersion).toBe(2);
      expect((await first.workflows.inbox.list('lead1')).map((m) => m.message.en).sort()).toEqual([
        'racer 42',
        'v2 42',
      ]);
    });

    it('starts a workflow for every write after its publish and none before, with writes in flight', async () => {
      await Promise.all([1, 2, 3].map((n) => scorecard(second, n)));
      // Writes on another connection while the workflow is published: each heard or not, never lost.
      const during = Promise.all(Array.from({ length: 20 }, (_, i) => scorecard(second, 100 + i)));
      await publishWorkflow(first, onCreate('published'));
      await Promise.all([7, 8, 9].map((n) => scorecard(second, n)));
      await during;
      await engineOn(first, 'a').drainRecordEvents();
      const scores = await heard('published');
      // Once each; every write after the publish, none before it (the ones in flight either way).
      expect(new Set(scores).size).toBe(scores.length);
      expect(scores.filter((s) => s < 100)).toEqual([7, 8, 9]);
      expect(await first.workflows.recordEvents.pending()).toBe(0);
    });
  });
}
