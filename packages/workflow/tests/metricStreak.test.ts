import type { Store } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createWorkflowEngine, type WorkflowEngine } from '../src/index.ts';
import { belowBaselineRule } from './support/belowBaselineRule.ts';
import { FakeClock } from './support/FakeClock.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import { openTestStore, publishWorkflow, scorecardValues } from './support/testStore.ts';

for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`metric streak, end to end: ${database}`, () => {
    let clock: FakeClock;
    let store: Store;
    let outbound: RecordingOutbound;
    let engine: WorkflowEngine;

    const score = (employee: string, period: string, value: number) =>
      store.records.insert('kpi-scorecard', scorecardValues(employee, period, value), { actor: employee });

    beforeEach(async () => {
      // Wednesday 4 March 2026, 10:00 in Shanghai: week 1 (from Monday 2 March) is under way.
      clock = new FakeClock('2026-03-04T02:00:00Z');
      store = await openTestStore(clock, database === 'PostgreSQL' ? inject('postgresUrl') : undefined);
      await publishWorkflow(store, belowBaselineRule());
      outbound = new RecordingOutbound();
      engine = createWorkflowEngine({ store, clock, outbound });
    });
    afterEach(async () => {
      await store.close();
    });

    it('alerts the direct supervisor once per streak, and closes the alert when it ends', async () => {
      // Week 1 (2 March): worker1 averages 50, worker2 80. Judged once it has closed: one bad week, nothing yet.
      await score('worker1', '2026-03-02', 40);
      await score('worker1', '2026-03-05', 60);
      await score('worker2', '2026-03-03', 80);
      expect(await engine.tick()).toMatchObject({ started: [], problems: [] });
      clock.set('2026-03-09T01:00:00Z'); // Monday 9 March, 09:00 in Shanghai
      expect((await engine.tick()).started).toEqual([]);
      expect(await store.workflows.streaks.list('kpi-below-baseline')).toMatchObject([
        { groupKey: 'worker1', firstPeriod: '2026-03-02', badPeriods: 1, firedRunId: null },
      ]);
      expect(await store.workflows.inbox.list('lead1')).toEqual([]);

      // Week 2 (9 March): worker1 still below the baseline → one alert to lead1, by inbox and DingTalk.
      await score('worker1', '2026-03-10', 45);
      await score('worker2', '2026-03-11', 59.5);
      await score('worker2', '2026-03-11', 90); // worker2 averages 74.75: fine
      clock.set('2026-03-16T01:00:00Z');
      const fired = await engine.tick();
      expect(fired.started).toHaveLength(1);
      expect(fired.runs).toMatchObject([{ status: 'done', workflowVersion: 1 }]);
      const [alert] = await store.workflows.alerts.list({ workflowId: 'kpi-below-baseline' });
      expect(alert).toMatchObject({
        status: 'open',
        groupKey: 'worker1',
        assigneeId: 'lead1',
        firstPeriod: '2026-03-02',
        openedAt: '2026-03-16T01:00:00.000Z',
      });
      const inbox = await store.workflows.inbox.list('lead1');
      expect(inbox).toHaveLength(1);
      expect(inbox[0]).toMatchObject({ alertId: alert?.id, subject: { 'zh-CN': '绩效预警：worker1' } });
      expect(inbox[0]?.message['zh-CN']).toBe(
        'worker1 的 KPI 平均得分已连续 2 周低于基线 60（最近一周 45），请及时沟通。',
      );
      expect(outbound.sent).toHaveLength(1);
      expect(outbound.sent[0]).toMatchObject({
        channel: 'dingtalk',
        connector: 'dingtalk-hr',
        mentions: ['lead1'],
      });
      expect(await store.workflows.inbox.list('lead2')).toEqual([]);
      expect(await store.workflows.inbox.list('boss')).toEqual([]);
      const run = await store.workflows.runs.get(fired.started[0] ?? '');
      expect(run.context).toMatchObject({
        variables: {
          streak: {
            value: 45,
            baseline: 60,
            values: [50, 45],
            periodStart: '2026-03-02',
            periodEnd: '2026-03-15',
          },
        },
      });

      // lead1 acknowledges three hours later: the response time is kept for the "< 24 h" board.
      clock.advanceHours(3);
      expect(await engine.acknowledgeAlert(alert?.id ?? '', 'lead1')).toMatchObject({
        status: 'acknowledged',
        acknowledgedBy: 'lead1',
        secondsToAcknowledge: 3 * 3600,
      });

      // Week 3 (16 March): still below → the same streak goes on, no second alert or message.
      await score('worker1', '2026-03-17', 30);
      clock.set('2026-03-23T01:00:00Z');
      expect((await engine.tick()).started).toEqual([]);
      expect(await store.workflows.inbox.list('lead1')).toHaveLength(1);
      expect(outbound.sent).toHaveLength(1);
      expect(await store.workflows.streaks.list('kpi-below-baseline', { openOnly: true })).toMatchObject([
        { groupKey: 'worker1', badPeriods: 3, firedRunId: run.id },
      ]);

      // Week 4 (23 March): back above → the streak ends and its alert closes.
      await score('worker1', '2026-03-24', 75);
      clock.set('2026-03-30T01:00:00Z');
      expect((await engine.tick()).started).toEqual([]);
      expect(await store.workflows.streaks.list('kpi-below-baseline')).toMatchObject([
        { groupKey: 'worker1', endedPeriod: '2026-03-23', endedAt: '2026-03-30T01:00:00.000Z' },
      ]);
      expect(await store.workflows.alerts.get(alert?.id ?? '')).toMatchObject({
        status: 'closed',
        closedReason: 'streakEnded',
        closedAt: '2026-03-30T01:00:00.000Z',
        secondsToAcknowledge: 10800,
      });
      // A tick again in the same week judges nothing twice.
      expect((await engine.tick()).started).toEqual([]);
      expect(await store.workflows.alerts.list()).toHaveLength(1);
    });

    it('catches up the weeks missed while the engine was down, in order', async () => {
      await engine.tick(); // first judgement: the week before 2 March
      await score('worker2', '2026-03-03', 20);
      await score('worker2', '2026-03-10', 20);
      await score('worker2', '2026-03-17', 90);
      clock.set('2026-03-25T01:00:00Z'); // three weeks later
      const report = await engine.tick();
      expect(report.started).toHaveLength(1);
      expect(await store.workflows.streaks.cursor('kpi-below-baseline')).toBe('2026-03-16');
      expect(await store.workflows.alerts.list()).toMatchObject([
        { assigneeId: 'lead2', status: 'closed', closedReason: 'streakEnded' },
      ]);
      expect(await store.workflows.inbox.list('lead2')).toHaveLength(1);
    });
  });
}
