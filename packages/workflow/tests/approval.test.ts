import type { Store } from '@formboard/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkflowEngine, type WorkflowEngine } from '../src/index.ts';
import { FakeClock } from './support/FakeClock.ts';
import { RecordingOutbound } from './support/RecordingOutbound.ts';
import {
  fixture,
  openTestStore,
  openTestStorePair,
  publishWorkflow,
  scorecardValues,
} from './support/testStore.ts';

/** A one-step approval by lead1 and lead2 in a mode, ending in a note to the submitter either way. */
function pairApproval(mode: 'all' | 'any') {
  const note = (id: string, text: string) => ({
    id,
    type: 'notify',
    channel: 'inbox',
    to: [{ type: 'submitter' }],
    message: { 'zh-CN': text, en: text },
  });
  return {
    kind: 'workflow',
    id: 'pair-approval',
    schemaVersion: 1,
    title: 'Pair approval',
    trigger: { type: 'record', form: 'kpi-scorecard', events: ['created'] },
    start: 'approve',
    steps: [
      {
        id: 'approve',
        type: 'approval',
        title: { 'zh-CN': '{{employee}} 的计分卡', en: "{{employee}}'s scorecard" },
        assignees: [
          { type: 'user', id: 'lead1' },
          { type: 'user', id: 'lead2' },
        ],
        mode,
        onApprove: 'approved',
        onReject: 'rejected',
      },
      note('approved', 'approved'),
      note('rejected', 'rejected'),
    ],
  };
}

describe('approval steps', () => {
  let clock: FakeClock;
  let store: Store;
  let outbound: RecordingOutbound;
  let engine: WorkflowEngine;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-04T02:00:00Z');
    store = await openTestStore(clock);
    outbound = new RecordingOutbound();
    engine = createWorkflowEngine({ store, clock, outbound });
  });
  afterEach(async () => {
    await store.close();
  });

  const submit = async (score: number) => {
    const record = await store.records.insert(
      'kpi-scorecard',
      scorecardValues('worker1', '2026-03-02', score),
      { actor: 'worker1' },
    );
    const [run] = await engine.recordChanged({ type: 'created', recordId: record.id });
    return { record, run: run as NonNullable<typeof run> };
  };
  const noteTexts = async (userId: string) =>
    (await store.workflows.inbox.list(userId)).map((m) => m.message.en);

  it('waits for the supervisor, puts the task in their inbox, and takes the approve branch once', async () => {
    await publishWorkflow(store, fixture('workflow-scorecard-approval'));
    const { record, run } = await submit(80);
    expect(run).toMatchObject({ status: 'waiting', stepId: 'supervisorApproval' });
    const [approval] = await store.workflows.approvals.list({ pendingFor: 'lead1' });
    expect(approval).toMatchObject({
      runId: run.id,
      status: 'pending',
      mode: 'any',
      recordId: record.id,
      title: { 'zh-CN': '直属主管审批', en: 'Supervisor approval' },
      dueAt: '2026-03-06T02:00:00.000Z',
      escalateAt: '2026-03-06T02:00:00.000Z',
      assignees: [{ userId: 'lead1', source: 'assignee', decision: null }],
    });
    const [ask] = await store.workflows.inbox.list('lead1');
    expect(ask).toMatchObject({
      approvalId: approval?.id,
      subject: { 'zh-CN': '待审批：直属主管审批' },
      message: { 'zh-CN': '请在 2026-03-06 10:00 前审批「直属主管审批」。' },
    });
    // A tick does not move (or re-ask) a run waiting on an undecided approval.
    expect((await engine.tick()).runs).toEqual([]);
    expect(await store.workflows.inbox.list('lead1')).toHaveLength(1);
    await expect(engine.decide(approval?.id ?? '', 'worker2', 'approve')).rejects.toMatchObject({
      code: 'notFound',
    });

    clock.advanceHours(3);
    const decided = await engine.decide(approval?.id ?? '', 'lead1', 'approve', '同意');
    expect(decided).toMatchObject({
      status: 'approved',
      assignees: [{ userId: 'lead1', decision: 'approve', comment: '同意' }],
    });
    expect(await store.workflows.runs.get(run.id)).toMatchObject({ status: 'done' });
    expect((await store.records.get(record.id)).data.status).toBe('approved');
    expect(outbound.sent).toMatchObject([{ channel: 'http', path: '/performance/scores' }]);
    expect(await noteTexts('worker1')).toEqual(['Your KPI scorecard (score 80) was approved.']);

    await expect(engine.decide(approval?.id ?? '', 'lead1', 'approve')).rejects.toMatchObject({
      code: 'state',
    });
    await expect(engine.decide(approval?.id ?? '', 'lead1', 'reject')).rejects.toMatchObject({
      code: 'state',
    });
    expect(outbound.sent).toHaveLength(1);
    expect(await store.workflows.approvals.list({ pendingFor: 'lead1' })).toEqual([]);
    expect((await store.audit({ entityType: 'approval' })).map((e) => [e.actor, e.action])).toEqual([
      ['lead1', 'approval.decide'],
    ]);
  });

  it('asks two levels up for a low score, and a rejection takes the reject branch', async () => {
    await publishWorkflow(store, fixture('workflow-scorecard-approval'));
    const { record, run } = await submit(42);
    const [approval] = await store.workflows.approvals.list({ runId: run.id });
    expect(approval).toMatchObject({ stepId: 'skipLevelReview', assignees: [{ userId: 'boss' }] });
    await engine.decide(approval?.id ?? '', 'boss', 'reject', '请补充说明');
    expect(await store.workflows.runs.get(run.id)).toMatchObject({ status: 'done' });
    expect((await store.records.get(record.id)).data.status).toBe('draft');
    expect(await noteTexts('worker1')).toEqual([
      'Your KPI scorecard was returned; please revise and resubmit.',
    ]);
  });

  it('reminds when due and escalates to the next supervisor up once, who may then decide', async () => {
    await publishWorkflow(store, fixture('workflow-scorecard-approval'));
    const { run } = await submit(80);
    clock.advanceHours(47);
    await engine.tick();
    expect(await store.workflows.inbox.list('boss')).toEqual([]);

    clock.advanceHours(1);
    await engine.tick();
    await engine.tick();
    const [approval] = await store.workflows.approvals.list({ runId: run.id });
    expect(approval).toMatchObject({
      status: 'pending',
      remindedAt: '2026-03-06T02:00:00.000Z',
      escalatedAt: '2026-03-06T02:00:00.000Z',
      assignees: [
        { userId: 'lead1', source: 'assignee' },
        { userId: 'boss', source: 'escalation', decision: null },
      ],
    });
    expect((await store.workflows.inbox.list('lead1')).map((m) => m.subject?.en)).toEqual([
      'Approval overdue: Supervisor approval',
      'Approval needed: Supervisor approval',
    ]);
    const [escalated] = await store.workflows.inbox.list('boss');
    expect(escalated).toMatchObject({
      approvalId: approval?.id,
      subject: { 'zh-CN': '审批升级：直属主管审批' },
    });
    expect(await store.workflows.approvals.list({ pendingFor: 'boss' })).toHaveLength(1);

    await engine.decide(approval?.id ?? '', 'boss', 'approve');
    expect(await store.workflows.runs.get(run.id)).toMatchObject({ status: 'done' });
    await expect(engine.decide(approval?.id ?? '', 'lead1', 'reject')).rejects.toMatchObject({
      code: 'state',
    });
  });

  it('needs every assignee in all mode, and any single one in any mode', async () => {
    await publishWorkflow(store, pairApproval('all'));
    const { run } = await submit(80);
    const [approval] = await store.workflows.approvals.list({ runId: run.id });
    const id = approval?.id ?? '';
    expect(await engine.decide(id, 'lead1', 'approve')).toMatchObject({ status: 'pending' });
    expect(await store.workflows.runs.get(run.id)).toMatchObject({ status: 'waiting' });
    expect(await engine.decide(id, 'lead2', 'approve')).toMatchObject({ status: 'approved' });
    expect(await noteTexts('worker1')).toEqual(['approved']);

    await publishWorkflow(store, pairApproval('any'));
    clock.advanceHours(1);
    const second = await submit(70);
    const [other] = await store.workflows.approvals.list({ runId: second.run.id });
    expect(await engine.decide(other?.id ?? '', 'lead2', 'reject')).toMatchObject({ status: 'rejected' });
    await expect(engine.decide(other?.id ?? '', 'lead1', 'approve')).rejects.toMatchObject({ code: 'state' });
    expect(await noteTexts('worker1')).toEqual(['rejected', 'approved']);
  });

  it('fails the run with a clear message when nobody can decide', async () => {
    const definition = pairApproval('any');
    definition.steps[0] = { ...definition.steps[0], assignees: [{ type: 'role', role: 'auditor' }] } as never;
    await publishWorkflow(store, definition);
    const { run } = await submit(80);
    expect(run).toMatchObject({
      status: 'failed',
      error: { 'zh-CN': '审批步骤 approve 找不到审批人' },
    });
  });
});

describe('approval decisions from two processes', () => {
  it('settles the task once when two engines decide it at the same time', async () => {
    const clock = new FakeClock('2026-03-04T02:00:00Z');
    const [first, second] = await openTestStorePair(clock);
    try {
      await publishWorkflow(first, pairApproval('any'));
      const outbound = new RecordingOutbound();
      const engines = [first, second].map((store) => createWorkflowEngine({ store, clock, outbound }));
      const record = await first.records.insert(
        'kpi-scorecard',
        scorecardValues('worker1', '2026-03-02', 80),
        {
          actor: 'worker1',
        },
      );
      const [run] = (await engines[0]?.recordChanged({ type: 'created', recordId: record.id })) ?? [];
      const [approval] = await first.workflows.approvals.list({ runId: run?.id ?? '' });
      const id = approval?.id ?? '';
      const results = await Promise.allSettled([
        engines[0]?.decide(id, 'lead1', 'approve'),
        engines[1]?.decide(id, 'lead2', 'reject'),
        engines[1]?.decide(id, 'lead1', 'approve'),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        results.filter((r) => r.status === 'rejected').map((r) => (r.reason as { code: string }).code),
      ).toEqual(['state', 'state']);
      const settled = await first.workflows.approvals.get(id);
      expect(settled.assignees.filter((a) => a.decision !== null)).toHaveLength(1);
      expect(await first.workflows.runs.get(run?.id ?? '')).toMatchObject({ status: 'done' });
      expect(await first.workflows.inbox.list('worker1')).toHaveLength(1);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
