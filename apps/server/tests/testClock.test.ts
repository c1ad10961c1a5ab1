import { openStore } from '@formboard/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { createTestClock } from '../src/testing/testClock.ts';
import { Client } from './support/client.ts';
import { freshDatabase, seedTestStore, startTestServer } from './support/testServer.ts';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

// A weekly metric per person (lower is better) and the rule: two weeks above 0 alert the supervisor.
const scrapForm = {
  kind: 'form',
  id: 'scrap',
  schemaVersion: 1,
  title: text('废品率', 'Scrap'),
  data: {
    type: 'object',
    properties: {
      owner: { type: 'string', format: 'user', title: text('责任人', 'Owner') },
      week: { type: 'string', format: 'date', title: text('周', 'Week') },
      shortfall: { type: 'number', title: text('差于基线', 'Shortfall') },
    },
    required: ['owner', 'week', 'shortfall'],
  },
  layout: {
    root: ['fOwner', 'fWeek', 'fShortfall'],
    nodes: {
      fOwner: { type: 'field', path: 'owner' },
      fWeek: { type: 'field', path: 'week', widget: 'date' },
      fShortfall: { type: 'field', path: 'shortfall' },
    },
  },
};
const twoBadWeeks = {
  kind: 'workflow',
  id: 'two-bad-weeks',
  schemaVersion: 1,
  title: text('连续两周差于基线', 'Two weeks below baseline'),
  trigger: {
    type: 'metricStreak',
    query: {
      form: 'scrap',
      measure: { op: 'max', field: 'shortfall' },
      groupBy: 'owner',
      dateField: 'week',
      period: 'week',
      timeZone: 'Asia/Shanghai',
    },
    baseline: 0,
    direction: 'lowerIsBetter',
    periods: 2,
  },
  start: 'tell',
  steps: [
    {
      id: 'tell',
      type: 'notify',
      channel: 'inbox',
      to: [{ type: 'supervisor', of: 'owner' }],
      message: text('{{owner}} 连续两周差于基线', '{{owner}}: two weeks below baseline'),
    },
  ],
};

describe('the test clock', () => {
  it('is absent from a normal server: its routes answer 404', async () => {
    const server = await startTestServer('sqlite');
    try {
      const admin = await Client.signIn(server.url, 'admin');
      expect((await admin.call('PUT', '/api/test/clock', { now: '2030-01-07T02:00:00Z' })).status).toBe(404);
      expect((await admin.call('POST', '/api/test/workflows/tick')).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('is refused in production', async () => {
    const store = await openStore({ database: await freshDatabase('sqlite') });
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(buildServer({ store, testClock: createTestClock() })).rejects.toThrow(
        /NODE_ENV=production/,
      );
    } finally {
      process.env.NODE_ENV = before;
      await store.close();
    }
  });
});

describe('a server on a test clock', () => {
  const clock = createTestClock();
  let close: () => Promise<void>;
  let url: string;
  const at = (iso: string) => async () => {
    const admin = await Client.signIn(url, 'admin');
    const answer = await admin.call('PUT', '/api/test/clock', { now: iso });
    expect(answer.status).toBe(200);
    expect(Math.abs(Date.parse(answer.body.now) - Date.parse(iso))).toBeLessThan(60_000);
    // A jump past a session's expiry ends it, as the real time would: sign in again.
    const adminNow = await Client.signIn(url, 'admin');
    const tick = await adminNow.call('POST', '/api/test/workflows/tick');
    expect(tick.body).toMatchObject({ ran: true });
  };

  beforeAll(async () => {
    const store = await openStore({
      database: await freshDatabase('sqlite'),
      now: () => new Date(clock.now()).toISOString(),
    });
    await seedTestStore(store);
    for (const definition of [scrapForm, twoBadWeeks]) {
      const created = await store.definitions.create(definition, { author: 'designer' });
      await store.definitions.publish(definition.id, created.version, { author: 'designer' });
    }
    const app = await buildServer({
      store,
      testClock: clock,
      workflows: { outbound: { send: async () => undefined }, tickMs: 3_600_000 },
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    close = async () => {
      await app.close();
      await store.close();
    };
  });
  afterAll(() => close());

  it('lets only admins move it', async () => {
    const member = await Client.signIn(url, 'member');
    expect((await member.call('PUT', '/api/test/clock', { now: '2030-01-07T02:00:00Z' })).status).toBe(403);
    const admin = await Client.signIn(url, 'admin');
    const bad = await admin.call('PUT', '/api/test/clock', { now: 'next tuesday' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/now/);
  });

  it('drives records, streaks, alerts and response times', async () => {
    await at('2030-01-07T02:00:00Z')(); // Monday 10:00 in Shanghai: the week of 2030-01-07 begins
    const member = await Client.signIn(url, 'member');
    const week1 = await member.call('POST', '/api/forms/scrap/records', {
      data: { owner: 'member', week: '2030-01-07', shortfall: 0.2 },
    });
    expect(week1.status).toBe(201);
    expect(week1.body.createdAt.slice(0, 10)).toBe('2030-01-07');

    await at('2030-01-14T02:00:00Z')(); // one bad week judged: no alert yet
    const manager = await Client.signIn(url, 'manager');
    expect(await manager.call('GET', '/api/alerts').then((a) => a.body)).toEqual([]);
    const member2 = await Client.signIn(url, 'member');
    const week2 = await member2.call('POST', '/api/forms/scrap/records', {
      data: { owner: 'member', week: '2030-01-14', shortfall: 0.1 },
    });
    expect(week2.status).toBe(201);

    await at('2030-01-21T01:00:00Z')(); // the second bad week judged: the supervisor is alerted
    const managerNow = await Client.signIn(url, 'manager');
    const [alert] = (await managerNow.call('GET', '/api/alerts')).body;
    expect(alert).toMatchObject({
      groupKey: 'member',
      assigneeId: 'manager',
      status: 'open',
      title: twoBadWeeks.title,
    });
    expect(alert.openedAt.slice(0, 13)).toBe('2030-01-21T01');

    await at('2030-01-21T04:00:00Z')(); // three hours later the manager responds
    const managerLater = await Client.signIn(url, 'manager');
    const acknowledged = await managerLater.call('POST', `/api/alerts/${alert.id}/acknowledge`);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.secondsToAcknowledge).toBeGreaterThanOrEqual(3 * 3600);
    expect(acknowledged.body.secondsToAcknowledge).toBeLessThan(3 * 3600 + 120);
  });
});
