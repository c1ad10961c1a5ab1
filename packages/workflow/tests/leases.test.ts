import type { Store } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createWorkflowEngine, type OutboundPort } from '../src/index.ts';
import { belowBaselineRule } from './support/belowBaselineRule.ts';
import { FakeClock } from './support/FakeClock.ts';
import { GatedOutbound } from './support/GatedOutbound.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { reviewRule } from './support/reviewRule.ts';
import { openTestStorePair, publishWorkflow, scorecardValues } from './support/testStore.ts';

/** Nine every morning in Shanghai: a reminder to the boss's inbox. */
const daily = {
  kind: 'workflow',
  id: 'daily-reminder',
  schemaVersion: 1,
  title: { 'zh-CN': '每日提醒', en: 'Daily reminder' },
  trigger: { type: 'schedule', cron: '0 9 * * *' },
  start: 'tell',
  steps: [
    { id: 'tell', type: 'notify', channel: 'inbox', to: [{ type: 'user', id: 'boss' }], message: '早上好' },
  ],
};

// Two stores on one database are what two engine processes see; each engine has its own lease name.
for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`several engines on one database: ${database}`, () => {
    let clock: FakeClock;
    let first: Store;
    let second: Store;
    const engine = (store: Store, holder: string, outbound: OutboundPort) =>
      createWorkflowEngine({ store, clock, outbound, holder });
    const submitLow = (employee = 'worker1') =>
      first.records.insert('kpi-scorecard', scorecardValues(employee, '2026-03-02', 42), { actor: employee });

    beforeEach(async () => {
      clock = new FakeClock('2026-03-04T02:00:00Z');
      const url = database === 'PostgreSQL' ? inject('postgresUrl') : undefined;
      [first, second] = await openTestStorePair(clock, url);
    });
    afterEach(async () => {
      await first.close();
      await second.close();
    });

    it('walks a run with one engine: the other leaves a run it does not hold alone', async () => {
      await publishWorkflow(first, reviewRule());
      const gate = new GatedOutbound();
      const a = engine(first, 'a', gate);
      const b = engine(second, 'b', gate);
      const record = await submitLow();
      const walking = a.recordChanged({ type: 'created', recordId: record.id });
      await gate.inFlight(1); // a is in the webhook call of the last step
      expect((await b.tick()).runs).toEqual([]);
      const [seen] = await b.recordChanged({ type: 'created', recordId: record.id });
      // a holds it; what a did before the call (condition, comment, inbox) was written before the call.
      expect(seen).toMatchObject({ status: 'running', stepId: 'tellHr', stepSeq: 3 });
      expect(gate.waiting).toHaveLength(1);
      gate.releaseOne();
      expect(await walking).toMatchObject([{ status: 'done' }]);
      expect(gate.delivered).toHaveLength(1);
      expect(await first.workflows.inbox.list('lead1')).toHaveLength(1);
    });

    it('takes over the run of an engine that died, once its lease ran out', async () => {
      await publishWorkflow(first, reviewRule());
      const hung = new GatedOutbound(); // a dies inside the call: it never returns
      const record = await submitLow();
      void engine(first, 'a', hung).recordChanged({ type: 'created', recordId: record.id });
      await hung.inFlight(1);
      const outbound = new RecordingOutbound();
      const b = engine(second, 'b', outbound);
      clock.advanceHours(59 / 3600);
      expect((await b.tick()).runs).toEqual([]);
      clock.advanceHours(2 / 3600); // a's 60-second lease has run out
      expect((await b.tick()).runs).toMatchObject([{ status: 'done' }]);
      // The call a may or may not have made is made again with the same key.
      expect(outbound.sent.map((m) => m.idempotencyKey)).toEqual([hung.waiting[0]?.message.idempotencyKey]);
      expect(await first.workflows.inbox.list('lead1')).toHaveLength(1);
    });

    it('never walks a run twice at once in one engine, though its own lease ran out meanwhile', async () => {
      await publishWorkflow(first, reviewRule());
      const slow = new GatedOutbound(); // an overloaded process: the call takes longer than the lease
      const a = engine(first, 'a', slow);
      const record = await submitLow();
      const walking = a.recordChanged({ type: 'created', recordId: record.id });
      await slow.inFlight(1);
      clock.advanceHours(2 / 60);
      // The run's lease is a's and has run out: a's own tick leaves it to the walk that has it, and
      // does not call again (it would wait at the gate with a second call).
      const ticked = a.tick();
      await Promise.race([ticked, slow.inFlight(2).catch(() => undefined)]);
      expect(slow.waiting).toHaveLength(1);
      expect((await ticked).runs).toMatchObject([{ status: 'running', stepId: 'tellHr' }]);
      slow.releaseOne();
      expect(await walking).toMatchObject([{ status: 'done' }]);
      expect(slow.delivered).toHaveLength(1);
      expect(slow.waiting).toHaveLength(0);
    });

    it('lets a restarted engine with the same node name take its work back at once', async () => {
      await publishWorkflow(first, reviewRule());
      const hung = new GatedOutbound();
      const record = await submitLow();
      void engine(first, 'node-1', hung).recordChanged({ type: 'created', recordId: record.id });
      await hung.inFlight(1);
      const outbound = new RecordingOutbound();
      const restarted = engine(second, 'node-1', outbound);
      expect((await restarted.tick()).runs).toEqual([]);
      expect(await restarted.reclaim()).toBe(1);
      expect((await restarted.tick()).runs).toMatchObject([{ status: 'done' }]);
      expect(outbound.sent).toHaveLength(1);
    });

    it('fires a schedule occurrence and judges a metric period once when both tick together', async () => {
      await publishWorkflow(first, daily);
      await publishWorkflow(first, belowBaselineRule());
      const outbound = new RecordingOutbound();
      const engines = [engine(first, 'a', outbound), engine(second, 'b', outbound)];
      await engines[0]?.tick(); // first sight: schedule and metric cursors start now
      for (const [employee, period] of [
        ['worker1', '2026-03-03'],
        ['worker1', '2026-03-10'],
      ] as const)
        await first.records.insert('kpi-scorecard', scorecardValues(employee, period, 40), {
          actor: employee,
        });
      for (const at of ['2026-03-09T01:00:00Z', '2026-03-16T01:00:00Z']) {
        clock.set(at);
        const reports = await Promise.all(engines.map((e) => e.tick()));
        expect(reports.flatMap((r) => r.problems)).toEqual([]);
      }
      // Each morning's occurrence fired once.
      expect((await first.workflows.runs.list('daily-reminder')).map((r) => r.eventKey)).toEqual([
        'schedule:2026-03-09T01:00:00.000Z',
        'schedule:2026-03-16T01:00:00.000Z',
      ]);
      expect(await first.workflows.inbox.list('boss')).toHaveLength(2);
      expect(await first.workflows.alerts.list()).toMatchObject([
        { groupKey: 'worker1', assigneeId: 'lead1' },
      ]);
      expect(await first.workflows.inbox.list('lead1')).toHaveLength(1);
      expect(outbound.sent).toHaveLength(1);
    });

    it('starts one run for a record change delivered to both engines at once', async () => {
      await publishWorkflow(first, reviewRule());
      const outbound = new RecordingOutbound();
      const record = await submitLow();
      const change = { type: 'created', recordId: record.id } as const;
      await Promise.all(
        [engine(first, 'a', outbound), engine(second, 'b', outbound)].map((e) => e.recordChanged(change)),
      );
      expect(await first.workflows.runs.list('low-score-review')).toMatchObject([{ status: 'done' }]);
      expect(outbound.sent).toHaveLength(1);
      const history = await first.records.history(record.id);
      expect(history.filter((h) => h.changedBy.startsWith('workflow:'))).toHaveLength(1);
    });
  });
}
