import { freshPostgresDatabase } from '@formboard/storage/testing';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import type { ChangeEvent } from '../src/events/ChangeEvent.ts';
import { postgresEventBus } from '../src/events/postgresEventBus.ts';

const event = (recordId: string): ChangeEvent => ({
  type: 'record.created',
  formId: 'f',
  recordId,
  ownerId: 'u',
  orgUnitId: null,
});

describe('the PostgreSQL event bus', () => {
  it('keeps reconnecting after its connection is killed, and delivers again once it is back', async () => {
    const url = await freshPostgresDatabase(inject('postgresUrl'));
    const errors: string[] = [];
    const bus = await postgresEventBus(url, (error) => errors.push(error.message));
    const heard: string[] = [];
    bus.subscribe((e) => heard.push((e as { recordId: string }).recordId));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Every other backend of this database is the bus's listening connection.
    const killListener = () =>
      admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
    try {
      await bus.publish(event('before'));
      await expect.poll(() => heard).toEqual(['before']);
      // Killed twice, the second time while it is reconnecting, as a restarting database would do.
      expect((await killListener()).rowCount).toBe(1);
      await expect.poll(() => errors.length, { timeout: 5000 }).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 600));
      await killListener();
      await expect
        .poll(
          async () =>
            bus.publish(event('after')).then(
              () => true,
              () => false,
            ),
          { timeout: 15_000, interval: 300 },
        )
        .toBe(true);
      await expect.poll(() => heard.includes('after'), { timeout: 5000 }).toBe(true);
    } finally {
      await admin.end();
      await bus.close();
    }
  });

  it('sends publishes made at once one after another, each heard once and in order', async () => {
    const url = await freshPostgresDatabase(inject('postgresUrl'));
    const warnings: string[] = [];
    const warn = (warning: Error) => warnings.push(warning.message);
    process.on('warning', warn);
    const bus = await postgresEventBus(url, () => undefined);
    const heard: string[] = [];
    bus.subscribe((e) => heard.push((e as { recordId: string }).recordId));
    try {
      const ids = Array.from({ length: 20 }, (_, i) => `r${i}`);
      await Promise.all(ids.map((id) => bus.publish(event(id))));
      await expect.poll(() => heard).toEqual(ids);
      // pg warns when a query is handed to a client still running one: none was.
      expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
    } finally {
      process.off('warning', warn);
      await bus.close();
    }
  });
});
