import type { OutboundMessage } from '@formboard/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

// When someone reports progress under 50%, their direct supervisor gets an inbox message and the
// team chat a robot message.
const lowProgress = {
  kind: 'workflow',
  id: 'low-progress',
  schemaVersion: 1,
  title: { 'zh-CN': '进度偏低提醒', en: 'Low progress' },
  trigger: { type: 'record', form: 'checkin', events: ['created'], condition: 'progress < 50' },
  start: 'tellSupervisor',
  steps: [
    {
      id: 'tellSupervisor',
      type: 'notify',
      channel: 'inbox',
      to: [{ type: 'supervisor', of: 'submitter' }],
      message: {
        'zh-CN': '{{week}} 这周进度只有 {{progress}}%',
        en: 'progress {{progress}}% in the week of {{week}}',
      },
      next: 'tellTeam',
    },
    {
      id: 'tellTeam',
      type: 'notify',
      channel: 'dingtalk',
      connector: 'team-robot',
      message: '进度 {{progress}}%',
    },
  ],
};

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (done(value) || attempt > 100) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// A check-in above 95% needs the supervisor's sign-off; the submitter hears the outcome.
const bigClaims = {
  kind: 'workflow',
  id: 'big-claims',
  schemaVersion: 1,
  title: { 'zh-CN': '高进度确认', en: 'Confirm high progress' },
  trigger: { type: 'record', form: 'checkin', events: ['created'], condition: 'progress > 95' },
  start: 'confirm',
  steps: [
    {
      id: 'confirm',
      type: 'approval',
      assignees: [{ type: 'supervisor', of: 'submitter' }],
      mode: 'any',
      onApprove: 'thanks',
    },
    {
      id: 'thanks',
      type: 'notify',
      channel: 'inbox',
      to: [{ type: 'submitter' }],
      message: { 'zh-CN': '你的 {{progress}}% 已确认', en: 'your {{progress}}% is confirmed' },
    },
  ],
};

describe('workflows hosted by the server', () => {
  let server: TestServer;
  const sent: OutboundMessage[] = [];
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      workflows: { outbound: { send: async (message) => void sent.push(message) }, tickMs: 60_000 },
    });
    for (const workflow of [lowProgress, bigClaims]) {
      const created = await server.store.definitions.create(workflow, { author: 'designer' });
      await server.store.definitions.publish(workflow.id, created.version, { author: 'designer' });
    }
  });
  afterAll(() => server.close());

  it('runs a record workflow on a submit: the supervisor’s inbox and the robot hear about it once', async () => {
    const member = await Client.signIn(server.url, 'member');
    await member.call('POST', '/api/forms/checkin/records', { data: { week: '2026-11-23', progress: 80 } });
    await member.call('POST', '/api/forms/checkin/records', { data: { week: '2026-11-30', progress: 30 } });
    const manager = await Client.signIn(server.url, 'manager');
    const inbox = await eventually(
      async () => (await manager.call('GET', '/api/inbox')).body as { id: string }[],
      (messages) => messages.length > 0,
    );
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ workflowId: 'low-progress', readAt: null });
    expect(JSON.stringify(inbox[0])).toContain('这周进度只有 30%');
    await eventually(
      async () => sent.length,
      (n) => n > 0,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      channel: 'dingtalk',
      connector: 'team-robot',
      idempotencyKey: expect.any(String),
    });
    expect(
      (await manager.call('POST', `/api/inbox/${encodeURIComponent(inbox[0]?.id ?? '')}/read`)).status,
    ).toBe(204);
    expect((await manager.call('GET', '/api/inbox?unread=true')).body).toEqual([]);
    // The member's own inbox stays empty; an alert that is not theirs does not exist for them.
    expect((await member.call('GET', '/api/inbox')).body).toEqual([]);
    expect((await member.call('POST', '/api/alerts/nope/acknowledge')).status).toBe(404);
  });

  it('evaluates every imported row: each low one starts its run, once', async () => {
    const member = await Client.signIn(server.url, 'member');
    const rows = Array.from({ length: 40 }, (_, i) => `2026-12-07,${i}`);
    const table = ['week,progress', ...rows].join('\n');
    const imported = await member.call('POST', '/api/forms/checkin/imports?mode=commit', table, {
      'content-type': 'text/csv',
    });
    expect(imported.body).toMatchObject({ inserted: 40 });
    // 40 rows, 40 trigger evaluations: the 40 under 50% each start one run.
    const runs = await eventually(
      async () => (await server.store.workflows.runs.list('low-progress')).filter((r) => r.status === 'done'),
      (done) => done.length >= 41,
    );
    const weeks = runs.filter(
      (run) => (run.context as { data: { week?: string } }).data.week === '2026-12-07',
    );
    expect(weeks).toHaveLength(40);
    expect(new Set(weeks.map((run) => run.eventKey)).size).toBe(40);
    expect(await server.store.workflows.recordEvents.pending()).toBe(0);
  });

  it('asks the supervisor to approve, exactly once, and tells the submitter', async () => {
    const intern = await Client.signIn(server.url, 'intern');
    await intern.call('POST', '/api/forms/checkin/records', { data: { week: '2026-11-30', progress: 99 } });
    const supervisor = await Client.signIn(server.url, 'member');
    const tasks = await eventually(
      async () => (await supervisor.call('GET', '/api/approvals')).body as { id: string }[],
      (found) => found.length > 0,
    );
    expect(tasks).toHaveLength(1);
    const id = encodeURIComponent(tasks[0]?.id ?? '');
    expect((await intern.call('POST', `/api/approvals/${id}/decide`, { decision: 'approve' })).status).toBe(
      404,
    );
    const decided = await supervisor.call('POST', `/api/approvals/${id}/decide`, {
      decision: 'approve',
      comment: '属实',
    });
    expect(decided.status).toBe(200);
    expect(
      (await supervisor.call('POST', `/api/approvals/${id}/decide`, { decision: 'reject' })).status,
    ).toBe(409);
    const told = await eventually(
      async () => (await intern.call('GET', '/api/inbox')).body as unknown[],
      (messages) => messages.length > 0,
    );
    expect(JSON.stringify(told)).toContain('你的 99% 已确认');
    // Run history: designers see how runs went; only admins see the record values they carry.
    const designer = await Client.signIn(server.url, 'designer');
    const runs = (await designer.call('GET', '/api/workflows/big-claims/runs')).body;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', stepId: null });
    expect(runs[0]).not.toHaveProperty('context');
    const admin = await Client.signIn(server.url, 'admin');
    expect((await admin.call('GET', '/api/workflows/big-claims/runs')).body[0]).toHaveProperty('context');
    expect((await designer.call('GET', '/api/workflows/checkin/runs')).status).toBe(404);
  });
});
