import { readFileSync } from 'node:fs';
import { openStore, type Store, type User } from '@formboard/storage';
import { freshPostgresDatabase, freshSqliteFile } from '@formboard/storage/testing';
import type { FakeClock } from './FakeClock.ts';

type Json = Record<string, unknown>;

/** A valid definition fixture of @formboard/schema. */
export function fixture(name: string): Json {
  const url = new URL(`../../../schema/fixtures/valid/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Json;
}

const person = (id: string, supervisorId: string | null): User => ({
  id,
  name: id,
  email: null,
  orgUnitId: null,
  supervisorId,
  roles: ['member'],
  disabled: false,
});

/**
 * A store (SQLite by default, or PostgreSQL at `postgresUrl`) on the fake clock, with an org chart —
 * worker1 → lead1 → boss, worker2 → lead2 → boss — and the KPI scorecard form published.
 */
export async function openTestStore(clock: FakeClock, postgresUrl?: string): Promise<Store> {
  const database = postgresUrl ? await freshPostgresDatabase(postgresUrl) : freshSqliteFile();
  return seed(await openStore({ database, now: () => clock.now().toISOString() }));
}

/**
 * Two stores on one fresh database — a SQLite file, or a PostgreSQL database at `postgresUrl` —
 * seeded as `openTestStore` does, on the fake clock: what two engine processes sharing it see.
 */
export async function openTestStorePair(clock: FakeClock, postgresUrl?: string): Promise<[Store, Store]> {
  const database = postgresUrl ? await freshPostgresDatabase(postgresUrl) : freshSqliteFile();
  const now = () => clock.now().toISOString();
  const first = await seed(await openStore({ database, now }));
  return [first, await openStore({ database, now })];
}

async function seed(store: Store): Promise<Store> {
  await store.people.saveUsers(
    [
      person('boss', null),
      person('lead1', 'boss'),
      person('lead2', 'boss'),
      person('worker1', 'lead1'),
      person('worker2', 'lead2'),
    ],
    'hr',
  );
  await store.definitions.create(fixture('form-kpi-scorecard'), { author: 'hr' });
  await store.definitions.publish('kpi-scorecard', 1, { author: 'hr' });
  return store;
}

/** Saves and publishes a workflow definition; returns the published version. */
export async function publishWorkflow(store: Store, definition: Json): Promise<number> {
  const id = String(definition.id);
  const info = await store.definitions.getInfo(id).catch(() => undefined);
  const version = info
    ? (await store.definitions.save(id, definition, { baseVersion: info.headVersion, author: 'designer' }))
        .version
    : (await store.definitions.create(definition, { author: 'designer' })).version;
  await store.definitions.publish(id, version, { author: 'designer' });
  return version;
}

/** A scorecard record's values. */
export function scorecardValues(employee: string, period: string, score: number, status = 'submitted'): Json {
  return {
    employee,
    period,
    status,
    score,
    kpis: [{ name: '交付', weight: 100, target: 100, actual: score }],
  };
}
