import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleConnectors } from '../src/connectors/connectorSchedules.ts';
import { ALLOWED_HOSTS_SETTING } from '../src/connectors/runStoredConnector.ts';
import { localEventBus } from '../src/events/localEventBus.ts';
import { createTestClock } from '../src/testing/testClock.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

// A stand-in MES on 127.0.0.1 that answers one row per call, counting the calls.
let calls = 0;
function mes(): Server {
  return createServer((_request, response) => {
    calls++;
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify([{ week: '2030-01-07', pct: 60 + calls, note: `MES ${calls}` }]));
  });
}

const silent = { warn: () => undefined, error: () => undefined };

describe('scheduled connector runs', () => {
  let server: TestServer;
  let source: Server;
  beforeAll(async () => {
    server = await startTestServer();
    source = mes();
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    await server.store.connectors.setSetting(
      ALLOWED_HOSTS_SETTING,
      [{ host: '127.0.0.1', allowPrivate: true }],
      'admin',
    );
    await server.store.connectors.save(
      {
        id: 'mes-daily',
        name: 'MES 每日',
        config: {
          formId: 'checkin',
          url: `http://127.0.0.1:${(source.address() as AddressInfo).port}/weekly`,
          method: 'GET',
          rowsPath: '',
          fields: { week: 'week', progress: 'pct', note: 'note' },
          runAs: 'member',
          schedule: { cron: '0 9 * * *', timeZone: 'Asia/Shanghai' },
          secretHeaders: [],
        },
        disabled: false,
      },
      'admin',
    );
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => source.close(() => resolve()));
    await server.close();
  });

  it('runs at each occurrence once, across two servers, and never for an occurrence already past when first seen', async () => {
    const clock = createTestClock();
    const bus = localEventBus();
    const imported: string[] = [];
    bus.subscribe((event) => {
      if (event.type === 'records.imported') imported.push(event.formId);
    });
    // Two servers' schedulers on one store, with an hour-long timer (the test ticks them).
    const [a, b] = [0, 1].map(() =>
      scheduleConnectors({
        store: server.store,
        box: undefined,
        bus,
        log: silent,
        clock: clock.now,
        tickMs: 3_600_000,
      }),
    );
    if (!a || !b) throw new Error('two schedulers expected');
    try {
      clock.set(Date.parse('2030-01-07T00:30:00Z')); // 08:30 in Shanghai: first seen, yesterday's 09:00 is past
      await Promise.all([a.tick(), b.tick()]);
      expect(calls).toBe(0);
      clock.set(Date.parse('2030-01-07T01:05:00Z')); // 09:05: today's 09:00 is due
      await Promise.all([a.tick(), b.tick()]);
      await Promise.all([a.tick(), b.tick()]);
      expect(calls).toBe(1);
      const runs = await server.store.connectors.runs('mes-daily');
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ trigger: 'schedule', status: 'ok', result: { inserted: 1 } });
      expect(imported).toEqual(['checkin']);
      clock.set(Date.parse('2030-01-08T01:01:00Z')); // the next day's 09:00
      await Promise.all([b.tick(), a.tick()]);
      expect(calls).toBe(2);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
