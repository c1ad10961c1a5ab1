import type { Store } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createWorkflowEngine } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { reviewRule } from './support/reviewRule.ts';
import { openTestStorePair, publishWorkflow, scorecardValues } from './support/testStore.ts';

/** Every change of a scorecard tells the employee's supervisor its score and the one before. */
const everyChange = {
  kind: 'workflow',
  id: 'every-change',
  schemaVersion: 1,
  title: { 'zh-CN': '每次修改', en: 'Every change' },
  trigger: { type: 'record', form: 'kpi-scorecard', events: ['created', 'updated', 'deleted'] },
  start: 'tell',
  steps: [
    {
      id: 'tell',
      type: 'notify',
      channel: 'inbox',
      to: [{ type: 'supervisor', of: 'employee' }],
      message: '{{$event}} {{score}}',
    },
  ],
};

// Record changes reach the engine through the store's outbox, written in the record's transaction:
// nothing in memory has to survive between the commit and the engine.
for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`record events from the outbox: ${database}`, () => {
    let clock: FakeClock;
    let first: Store;
    let second: Store;
    const engineOn = (store: Store, holder: string) =>
      createWorkflowEngine({ store, clock, outbound: new RecordingOutbound(), holder, eventBatch: 7 });
    const scorecard = (employee: string, score: number) =>
      first.records.insert('kpi-scorecard', scorecardValues(employee, '2026-03-02', score), {
        actor: employee,
      });
    const messages = async (userId: string) =>
      (await first.workflows.inbox.list(userId)).map((m) => m.message.en).sort();

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

    it('starts the runs of changes committed while no engine ran, once, with the exact $old', async () => {
      await publishWorkflow(first, everyChange);
      const record = await scorecard('worker1', 50);
      const changed = await first.records.update(
        record.id,
        { ...record.data, score: 55 },
        { actor: 'worker1', baseRevision: 1 },
      );
      // A later change is already committed when the engine first looks: `$old` is still revision 1's.
      await first.records.update(
        record.id,
        { ...changed.data, score: 70 },
        { actor: 'worker1', baseRevision: 2 },
      );
      await first.records.delete(record.id, { actor: 'worker1' });
      expect(await first.workflows.recordEvents.pending()).toBe(4);
      // The engine starts after the changes (as after a crash between a commit and the trigger).
      const engine = engineOn(first, 'a');
      await engine.tick();
      expect(await messages('lead1')).toEqual(['created 50', 'deleted 70', 'updated 55', 'updated 70']);
      const runs = await first.workflows.runs.list('every-change');
      expect(runs.map((r) => r.eventKey).sort()).toEqual([1, 2, 3, 4].map((n) => `record:${record.id}:${n}`));
      // `$old` is the revision before each change's own, though later ones were committed already.
      const olds = runs.map((r) => [
        r.eventKey.split(':')[2],
        (r.context.variables as { old: { score?: number } }).old.score,
      ]);
      expect(olds.sort()).toEqual([
        ['1', undefined],
        ['2', 50],
        ['3', 55],
        ['4', 70],
      ]);
      expect(await first.workflows.recordEvents.pending()).toBe(0);
      // Taking again, or hearing of the change again, starts nothing more.
      expect(await engine.drainRecordEvents()).toMatchObject({ events: 0, started: 0 });
      await engine.recordChanged({ type: 'updated', recordId: record.id, revision: 2 });
      expect(await first.workflows.runs.list('every-change')).toHaveLength(4);
    });

    it('starts each event’s runs once when two engines take from one outbox at once', async () => {
      await publishWorkflow(first, everyChange);
      const records = [];
      for (let i = 0; i < 30; i++) records.push(await scorecard(i % 2 ? 'worker1' : 'worker2', i));
      for (const record of records.slice(0, 10))
        await first.records.update(record.id, { ...record.data, score: 99 }, { actor: 'worker1' });
      const [a, b] = [engineOn(first, 'a'), engineOn(second, 'b')];
      const reports = await Promise.all([
        a.drainRecordEvents(),
        b.drainRecordEvents(),
        a.drainRecordEvents(),
      ]);
      const taken = reports[0].events + reports[1].events;
      expect(taken).toBe(40);
      const runs = await first.workflows.runs.list('every-change');
      expect(runs).toHaveLength(40);
      expect(new Set(runs.map((r) => r.eventKey)).size).toBe(40);
      expect(runs.every((r) => r.status === 'done')).toBe(true);
      expect((await messages('lead1')).length + (await messages('lead2')).length).toBe(40);
      // Each record's update saw its creation's values: revision 1 was taken before revision 2.
      expect(await messages('lead1')).toEqual(expect.arrayContaining(Array(5).fill('updated 99')));
    });

    it('takes a record’s events in order: a later one only once the earlier one is gone', async () => {
      await publishWorkflow(first, everyChange);
      const a = await scorecard('worker1', 10);
      await first.records.update(a.id, { ...a.data, score: 20 }, { actor: 'worker1' });
      const b = await scorecard('worker2', 30);
      const takeOnce = async () => {
        const seen: string[] = [];
        await second.workflows.recordEvents.take({
          limit: 10,
          wants: () => true,
          plan: (events) => {
            seen.push(
              ...events.map((e) => `${e.recordId === a.id ? 'a' : 'b'}${e.revision}:${e.old.score ?? '-'}`),
            );
            return [];
          },
        });
        return seen;
      };
      expect(await takeOnce()).toEqual(['a1:-', 'b1:-']);
      expect(await takeOnce()).toEqual(['a2:10']);
      expect(await takeOnce()).toEqual([]);
      expect(b.revision).toBe(1);
    });

    it('evaluates every row of an import, and no change a workflow step wrote', async () => {
      await publishWorkflow(first, reviewRule());
      const rows = Array.from({ length: 25 }, (_, i) => scorecardValues('worker1', '2026-03-02', 30 + i));
      await first.records.insertMany('kpi-scorecard', rows, { actor: 'hr' });
      const engine = engineOn(first, 'a');
      const report = await engine.drainRecordEvents();
      // 25 creations evaluated; 25 low scores started runs, whose comments (workflow writes) started none.
      expect(report).toMatchObject({ evaluated: 25, started: 25 });
      const runs = await first.workflows.runs.list('low-score-review');
      expect(runs.map((r) => r.status)).toEqual(Array(25).fill('done'));
      expect(await first.workflows.recordEvents.pending()).toBe(0);
      // A load of data that happened elsewhere (sample data, a demo seed) starts nothing.
      await first.records.insertMany('kpi-scorecard', rows, { actor: 'sample', events: false });
      expect(await first.workflows.recordEvents.pending()).toBe(0);
      const again = await engine.drainRecordEvents();
      expect(again).toMatchObject({ events: 0, evaluated: 0, started: 0 });
      expect(await first.workflows.runs.list('low-score-review')).toHaveLength(25);
    });
  });
}
