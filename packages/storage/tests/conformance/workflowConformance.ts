import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboxDelivery, NewRun, Store, Streak } from '../../src/index.ts';
import type { StoreHarness } from './storeConformance.ts';

const run = (id: string, eventKey = `event-${id}`): NewRun => ({
  id,
  workflowId: 'wf',
  workflowVersion: 3,
  eventKey,
  stepId: 'first',
  context: { data: { score: 40 }, 名字: '张三' },
});

const streak = (groupKey: string, over: Partial<Streak> = {}): Streak => ({
  workflowId: 'wf',
  groupKey,
  firstPeriod: '2026-03-02',
  lastPeriod: '2026-03-02',
  badPeriods: 1,
  firedRunId: null,
  endedPeriod: null,
  endedAt: null,
  ...over,
});

const ask = (userId: string): InboxDelivery => ({
  userId,
  subject: null,
  message: { 'zh-CN': '请审批', en: 'Please decide' },
  alertId: null,
  approvalId: 'r1/0/approve',
});

const approval = (mode: 'all' | 'any', assignees: string[]) => ({
  id: 'r1/0/approve',
  runId: 'r1',
  stepId: 'approve',
  stepSeq: 0,
  mode,
  title: { 'zh-CN': '审批', en: 'Approval' },
  recordId: null,
  dueAt: '2026-03-06T00:00:00.000Z',
  escalateAt: '2026-03-07T00:00:00.000Z',
  assignees,
  inbox: assignees.map(ask),
});

/** The workflow engine's tables (runs, effects, inbox, streaks, alerts), the same on every Store. */
export function describeWorkflowConformance(name: string, harness: StoreHarness): void {
  describe(`Workflow conformance: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      ({ store } = await harness.open());
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts one run per workflow and event key, keeping the version and context', async () => {
      const first = await store.workflows.runs.start(run('r1', 'record:x:1'));
      const again = await store.workflows.runs.start(run('r2', 'record:x:1'));
      expect(first.created).toBe(true);
      expect(again).toMatchObject({ created: false, run: { id: 'r1' } });
      expect(first.run).toMatchObject({
        status: 'running',
        stepId: 'first',
        stepSeq: 0,
        workflowVersion: 3,
        context: { data: { score: 40 }, 名字: '张三' },
      });
      expect((await store.workflows.runs.active()).map((r) => r.id)).toEqual(['r1']);
    });

    it('keeps the first payload of an effect key and completes it with the step, once', async () => {
      await store.workflows.runs.start(run('r1'));
      const pending = await store.workflows.runs.beginEffect({
        key: 'r1/0/notify',
        runId: 'r1',
        stepId: 'first',
        kind: 'outbound',
        payload: { text: 'first' },
      });
      const again = await store.workflows.runs.beginEffect({ ...pending, payload: { text: 'second' } });
      expect(again).toMatchObject({ status: 'pending', payload: { text: 'first' } });
      const effect = {
        key: 'r1/0/notify',
        stepId: 'first',
        kind: 'outbound',
        payload: {},
        result: { ok: 1 },
      };
      await store.workflows.runs.advance('r1', 0, { stepId: 'second', status: 'running', effect });
      expect(await store.workflows.runs.effect('r1/0/notify')).toMatchObject({
        status: 'done',
        payload: { text: 'first' },
        result: { ok: 1 },
      });
      // A second engine advancing from the same step is refused and writes nothing.
      await expect(
        store.workflows.runs.advance('r1', 0, { stepId: 'other', status: 'running' }),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect(await store.workflows.runs.get('r1')).toMatchObject({ stepId: 'second', stepSeq: 1 });
    });

    it('delivers inbox messages with the step that sends them, and ends runs', async () => {
      await store.workflows.runs.start(run('r1'));
      const message = { 'zh-CN': '请跟进', en: 'Please follow up' };
      await store.workflows.runs.advance('r1', 0, {
        stepId: null,
        status: 'done',
        effect: { key: 'r1/0/first', stepId: 'first', kind: 'inbox', payload: {}, result: null },
        inbox: [
          { userId: 'lead', subject: null, message, alertId: null },
          { userId: 'boss', subject: message, message, alertId: 'a1' },
        ],
      });
      const [inbox] = await store.workflows.inbox.list('boss');
      expect(inbox).toMatchObject({ runId: 'r1', workflowId: 'wf', subject: message, alertId: 'a1' });
      await store.workflows.inbox.markRead(inbox?.id ?? '', 'boss');
      expect(await store.workflows.inbox.list('boss', { unreadOnly: true })).toEqual([]);
      await expect(store.workflows.inbox.markRead(inbox?.id ?? '', 'lead')).rejects.toMatchObject({
        code: 'notFound',
      });
      expect(await store.workflows.runs.get('r1')).toMatchObject({ status: 'done', stepId: null });
      expect(await store.workflows.runs.active()).toEqual([]);
    });

    it('judges each period once, fires runs with alerts and closes them when the streak ends', async () => {
      const fired = streak('emp1', { lastPeriod: '2026-03-09', badPeriods: 2, firedRunId: 'r1' });
      await store.workflows.streaks.judge({
        workflowId: 'wf',
        period: '2026-03-09',
        previousPeriod: null,
        streaks: [fired, streak('emp2')],
        fired: [{ run: run('r1'), alert: { id: 'a1', assigneeId: 'lead' }, streak: fired }],
      });
      expect(await store.workflows.streaks.cursor('wf')).toBe('2026-03-09');
      await expect(
        store.workflows.streaks.judge({
          workflowId: 'wf',
          period: '2026-03-09',
          previousPeriod: null,
          streaks: [],
          fired: [],
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect(await store.workflows.alerts.get('a1')).toMatchObject({
        status: 'open',
        runId: 'r1',
        groupKey: 'emp1',
        firstPeriod: '2026-03-02',
        assigneeId: 'lead',
      });
      expect((await store.workflows.runs.get('r1')).status).toBe('running');

      const acknowledged = await store.workflows.alerts.acknowledge('a1', 'lead');
      expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'lead' });
      expect(acknowledged.secondsToAcknowledge).toBeGreaterThanOrEqual(0);
      await expect(store.workflows.alerts.acknowledge('a1', 'lead')).rejects.toMatchObject({ code: 'state' });

      await store.workflows.streaks.judge({
        workflowId: 'wf',
        period: '2026-03-16',
        previousPeriod: '2026-03-09',
        streaks: [{ ...fired, endedPeriod: '2026-03-16' }],
        fired: [],
      });
      expect(await store.workflows.alerts.get('a1')).toMatchObject({
        status: 'closed',
        closedReason: 'streakEnded',
      });
      expect((await store.workflows.streaks.list('wf', { openOnly: true })).map((s) => s.groupKey)).toEqual([
        'emp2',
      ]);
      expect((await store.workflows.streaks.list('wf'))[0]).toMatchObject({ endedPeriod: '2026-03-16' });
      expect((await store.audit({ entityType: 'alert' })).map((e) => e.action)).toEqual([
        'alert.acknowledge',
      ]);
    });

    it('closes an alert by hand once', async () => {
      const fired = streak('emp1', { firedRunId: 'r1' });
      await store.workflows.streaks.judge({
        workflowId: 'wf',
        period: '2026-03-02',
        previousPeriod: null,
        streaks: [fired],
        fired: [{ run: run('r1'), alert: { id: 'a1', assigneeId: null }, streak: fired }],
      });
      expect(await store.workflows.alerts.close('a1', 'admin')).toMatchObject({
        status: 'closed',
        closedBy: 'admin',
        closedReason: 'manual',
      });
      await expect(store.workflows.alerts.close('a1', 'admin')).rejects.toMatchObject({ code: 'state' });
      await expect(store.workflows.alerts.acknowledge('a1', 'x')).rejects.toMatchObject({ code: 'state' });
      expect((await store.workflows.alerts.list({ assigneeId: 'nobody' })).length).toBe(0);
      expect((await store.workflows.alerts.list({ workflowId: 'wf' })).length).toBe(1);
    });

    it('opens an approval once, parks its run, and lists it for its undecided assignees', async () => {
      await store.workflows.runs.start(run('r1'));
      const opened = await store.workflows.approvals.open(approval('all', ['lead', 'boss']));
      expect(await store.workflows.approvals.open(approval('any', ['other']))).toEqual(opened);
      expect(opened).toMatchObject({ status: 'pending', mode: 'all', workflowId: 'wf', stepSeq: 0 });
      expect(opened.assignees.map((a) => a.userId)).toEqual(['boss', 'lead']);
      expect(await store.workflows.runs.get('r1')).toMatchObject({ status: 'waiting', stepSeq: 0 });
      expect(await store.workflows.runs.active()).toEqual([]);
      expect(await store.workflows.inbox.list('other')).toEqual([]);
      expect(await store.workflows.inbox.list('lead')).toMatchObject([{ approvalId: 'r1/0/approve' }]);
      expect((await store.workflows.approvals.list({ pendingFor: 'boss' })).map((a) => a.id)).toEqual([
        'r1/0/approve',
      ]);
      expect(await store.workflows.approvals.list({ pendingFor: 'other' })).toEqual([]);
    });

    it('settles an approval once: all mode waits for everyone, and the run goes back to work', async () => {
      await store.workflows.runs.start(run('r1'));
      await store.workflows.approvals.open(approval('all', ['lead', 'boss']));
      const decide = (userId: string, decision: 'approve' | 'reject') =>
        store.workflows.approvals.decide({ approvalId: 'r1/0/approve', userId, decision, comment: '好' });
      expect(await decide('lead', 'approve')).toMatchObject({ status: 'pending' });
      await expect(decide('lead', 'reject')).rejects.toMatchObject({ code: 'state' });
      await expect(decide('stranger', 'approve')).rejects.toMatchObject({ code: 'notFound' });
      expect(await store.workflows.runs.get('r1')).toMatchObject({ status: 'waiting' });
      const done = await decide('boss', 'approve');
      expect(done).toMatchObject({ status: 'approved' });
      expect(done.assignees.every((a) => a.decision === 'approve' && a.comment === '好')).toBe(true);
      expect(await store.workflows.runs.get('r1')).toMatchObject({ status: 'running', stepSeq: 0 });
      await expect(decide('boss', 'reject')).rejects.toMatchObject({ code: 'state' });
      expect((await store.audit({ entityType: 'approval' })).map((e) => e.actor).sort()).toEqual([
        'boss',
        'lead',
      ]);
    });

    it('reminds and escalates a late approval once each; whom it escalated to decides alone', async () => {
      await store.workflows.runs.start(run('r1'));
      await store.workflows.approvals.open(approval('all', ['lead', 'boss']));
      expect(await store.workflows.approvals.overdue('2026-03-05T23:59:59.000Z')).toEqual([]);
      expect(await store.workflows.approvals.overdue('2026-03-06T00:00:00.000Z')).toHaveLength(1);
      expect(await store.workflows.approvals.remind('r1/0/approve', [ask('lead')])).toBe(true);
      expect(await store.workflows.approvals.remind('r1/0/approve', [ask('lead')])).toBe(false);
      expect(await store.workflows.approvals.overdue('2026-03-06T12:00:00.000Z')).toEqual([]);
      expect(await store.workflows.approvals.escalate('r1/0/approve', ['ceo'], [ask('ceo')])).toBe(true);
      expect(await store.workflows.approvals.escalate('r1/0/approve', ['ceo2'], [ask('ceo2')])).toBe(false);
      expect(await store.workflows.approvals.overdue('2026-03-08T00:00:00.000Z')).toEqual([]);
      expect(await store.workflows.inbox.list('lead')).toHaveLength(2);
      expect(await store.workflows.inbox.list('ceo2')).toEqual([]);
      const decided = await store.workflows.approvals.decide({
        approvalId: 'r1/0/approve',
        userId: 'ceo',
        decision: 'approve',
      });
      expect(decided).toMatchObject({ status: 'approved' });
      expect(decided.assignees.find((a) => a.userId === 'ceo')).toMatchObject({ source: 'escalation' });
    });

    it('parks runs until their wake time, and wakes runs whose approval was decided', async () => {
      await store.workflows.runs.start(run('r1'));
      await store.workflows.runs.start(run('r2'));
      expect(await store.workflows.runs.park('r1', 0, '2026-03-05T00:00:00.000Z')).toBe(true);
      expect(await store.workflows.runs.park('r1', 0, null)).toBe(false);
      expect(await store.workflows.runs.park('r2', 0, null)).toBe(true);
      expect(await store.workflows.runs.wake('2026-03-04T23:59:59.000Z')).toBe(0);
      expect(await store.workflows.runs.wake('2026-03-05T00:00:00.000Z')).toBe(1);
      expect(await store.workflows.runs.get('r1')).toMatchObject({ status: 'running', wakeAt: null });
      expect(await store.workflows.runs.get('r2')).toMatchObject({ status: 'waiting' });
    });

    it('fires each schedule occurrence once: the cursor moves with the run, or conflicts', async () => {
      expect(await store.workflows.schedules.cursor('wf')).toBeUndefined();
      const first = { workflowId: 'wf', previousAt: null, at: '2026-03-01T00:00:00.000Z', run: null };
      await store.workflows.schedules.fire(first);
      await expect(store.workflows.schedules.fire(first)).rejects.toMatchObject({ code: 'conflict' });
      const next = { workflowId: 'wf', previousAt: first.at, at: '2026-03-02T01:00:00.000Z', run: run('r1') };
      await store.workflows.schedules.fire(next);
      await expect(store.workflows.schedules.fire({ ...next, run: run('r2') })).rejects.toMatchObject({
        code: 'conflict',
      });
      expect(await store.workflows.schedules.cursor('wf')).toBe(next.at);
      expect((await store.workflows.runs.list('wf')).map((r) => r.id)).toEqual(['r1']);
    });
  });
}
