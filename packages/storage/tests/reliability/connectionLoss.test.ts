import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { PostgresDialect } from '../../src/dialect/postgres/PostgresDialect.ts';
import { openStore } from '../../src/index.ts';
import { scorecard } from '../conformance/storeConformance.ts';
import { freshPostgresDatabase } from '../support/databases.ts';
import { FORM_ID } from './protocol.ts';

// The PostgreSQL server may close a store's connections at any time: a restart, a failover, an
// administrator's pg_terminate_backend, a proxy's idle timeout. The store's process must live on.
// (Unheard, pg reports it as an 'error' event and Node ends the process.)

describe('PostgreSQL connections closed by the server', () => {
  let admin: pg.Client;
  let url: string;

  beforeEach(async () => {
    url = await freshPostgresDatabase(inject('postgresUrl'));
    admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
  });
  afterEach(async () => {
    await admin.end();
  });

  /** Terminates backends as the server would, and waits until they are gone. */
  async function terminate(where: string, param: string | number): Promise<number> {
    const killed = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE ${where} AND pid <> pg_backend_pid()`,
      [param],
    );
    for (;;) {
      const left = await admin.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${where} AND pid <> pg_backend_pid()`,
        [param],
      );
      if (left.rows[0]?.n === 0) return killed.rowCount ?? 0;
      await sleep(10);
    }
  }

  it('keeps serving when its idle pooled connections are closed', async () => {
    const store = await openStore({ database: url });
    try {
      await store.definitions.create(scorecard(), { author: 'hr' });
      expect(await terminate('datname = $1', new URL(url).pathname.slice(1))).toBeGreaterThan(0);
      const saved = await store.definitions.save(FORM_ID, scorecard(), { baseVersion: 1, author: 'hr' });
      expect(saved.version).toBe(2);
      expect(await store.verifyAudit()).toEqual({ ok: true, entries: 2 });
    } finally {
      await store.close();
    }
  });

  it('fails only the transaction whose connection is closed between two statements', async () => {
    const db = new PostgresDialect(url);
    try {
      const transaction = db.transaction(async (tx) => {
        const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminate('pid = $1', row?.pid ?? 0);
        return tx.query('SELECT 1 AS one');
      });
      await expect(transaction).rejects.toThrow();
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });
});
