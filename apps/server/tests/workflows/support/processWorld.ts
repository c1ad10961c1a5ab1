import type { Store } from '@formboard/storage';
import { ALLOWED_HOSTS_SETTING } from '../../../src/connectors/runStoredConnector.ts';
import type { SecretBox } from '../../../src/outbound/secretBox.ts';
import { SIGNING_SECRET } from '../../../src/workflows/robotOutbound.ts';

// What the real-process workflow tests set up in a seeded test store (people, the check-in form):
// connectors to a local receiver, the allow-list that lets them reach 127.0.0.1, and workflows.

/** The webhook signing secret of the `hook` connector (Standard Webhooks form). */
export const HOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/**
 * Connectors `hook` (a webhook, signed when a secret box is given) and `erp` (an HTTP API), both at
 * the receiver, which the allow-list lets the engine reach on 127.0.0.1.
 */
export async function connectReceiver(store: Store, receiverUrl: string, box?: SecretBox): Promise<void> {
  await store.connectors.setSetting(
    ALLOWED_HOSTS_SETTING,
    [{ host: '127.0.0.1', allowPrivate: true }],
    'admin',
  );
  const sealed = box ? { sealedSecrets: box.seal(JSON.stringify({ [SIGNING_SECRET]: HOOK_SECRET })) } : {};
  await store.connectors.save(
    { id: 'hook', name: 'hook', config: { url: `${receiverUrl}/hook` }, ...sealed },
    'admin',
  );
  await store.connectors.save({ id: 'erp', name: 'erp', config: { url: `${receiverUrl}/erp` } }, 'admin');
}

/**
 * A check-in under 100 % is followed up: a signed webhook, a note on the record, a call to the ERP, a
 * follow-up check-in created, and the submitter's supervisor told in the inbox — five side effects,
 * two of them outbound. `maxRuns` limits how many runs walk at once.
 */
export function followUpWorkflow(maxRuns?: number): Record<string, unknown> {
  return {
    kind: 'workflow',
    id: 'checkin-follow-up',
    schemaVersion: 1,
    title: { 'zh-CN': '周报跟进', en: 'Check-in follow-up' },
    trigger: { type: 'record', form: 'checkin', events: ['created'], condition: 'progress < 100' },
    start: 'hook',
    ...(maxRuns === undefined ? {} : { concurrency: { maxRuns } }),
    steps: [
      {
        id: 'hook',
        type: 'notify',
        channel: 'webhook',
        connector: 'hook',
        message: '进度 {{progress}}%',
        next: 'mark',
      },
      {
        id: 'mark',
        type: 'updateRecord',
        set: [{ field: 'note', formula: '"已跟进：" & TEXT(progress, "0")' }],
        next: 'erp',
      },
      {
        id: 'erp',
        type: 'http',
        connector: 'erp',
        method: 'POST',
        path: '/follow-ups',
        body: '{"source":"formboard"}',
        next: 'open',
      },
      {
        id: 'open',
        type: 'createRecord',
        form: 'checkin',
        values: [
          { field: 'week', formula: 'week' },
          { field: 'progress', formula: '100' },
          { field: 'note', formula: '"跟进"' },
        ],
        next: 'tell',
      },
      {
        id: 'tell',
        type: 'notify',
        channel: 'inbox',
        to: [{ type: 'supervisor', of: 'submitter' }],
        message: { 'zh-CN': '周报进度 {{progress}}%，已跟进', en: 'check-in at {{progress}}%, followed up' },
      },
    ],
  };
}

/** Every minute: a webhook saying which occurrence it is. */
export const everyMinute = {
  kind: 'workflow',
  id: 'every-minute',
  schemaVersion: 1,
  title: { 'zh-CN': '每分钟', en: 'Every minute' },
  trigger: { type: 'schedule', cron: '* * * * *' },
  start: 'hook',
  steps: [
    {
      id: 'hook',
      type: 'notify',
      channel: 'webhook',
      connector: 'hook',
      message: '每分钟提醒 {{$run.startedAt}}',
    },
  ],
};

/** A weekly KPI score per employee: what the metric streak reads. */
export const kpiForm = {
  kind: 'form',
  id: 'kpi',
  schemaVersion: 1,
  title: { 'zh-CN': 'KPI 得分', en: 'KPI score' },
  data: {
    type: 'object',
    properties: {
      employee: { type: 'string', title: { 'zh-CN': '员工', en: 'Employee' } },
      period: { type: 'string', format: 'date', title: { 'zh-CN': '周', en: 'Week' } },
      score: { type: 'number', title: { 'zh-CN': '得分', en: 'Score' } },
    },
    required: ['employee', 'period', 'score'],
  },
  layout: {
    root: ['fEmployee', 'fPeriod', 'fScore'],
    nodes: {
      fEmployee: { type: 'field', path: 'employee' },
      fPeriod: { type: 'field', path: 'period', widget: 'date' },
      fScore: { type: 'field', path: 'score' },
    },
  },
};

/** Two weeks in a row below 60 → a webhook about the employee. */
export const belowBaseline = {
  kind: 'workflow',
  id: 'kpi-below-baseline',
  schemaVersion: 1,
  title: { 'zh-CN': '连续两周低于基线', en: 'Two weeks below baseline' },
  trigger: {
    type: 'metricStreak',
    query: {
      form: 'kpi',
      measure: { op: 'avg', field: 'score' },
      groupBy: 'employee',
      dateField: 'period',
      period: 'week',
      timeZone: 'Asia/Shanghai',
    },
    baseline: 60,
    direction: 'higherIsBetter',
    periods: 2,
  },
  start: 'hook',
  steps: [
    {
      id: 'hook',
      type: 'notify',
      channel: 'webhook',
      connector: 'hook',
      message: '{{employee}} 连续两周低于 60',
    },
  ],
};

/** Saves and publishes a definition. */
export async function publish(store: Store, definition: Record<string, unknown>): Promise<void> {
  const created = await store.definitions.create(definition, { author: 'designer' });
  await store.definitions.publish(String(definition.id), created.version, { author: 'designer' });
}

/** Polls `read` until `done` holds (every 50 ms, at most `timeoutMs`); returns the last value either way. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
