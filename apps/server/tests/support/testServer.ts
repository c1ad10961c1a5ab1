import { openStore, type Store } from '@formboard/storage';
import { freshPostgresDatabase, freshSqliteFile } from '@formboard/storage/testing';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildServer, type ServerOptions } from '../../src/app.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { recordDeriver } from '../../src/records/recordDeriver.ts';
import { checkinForm, PASSWORD, PEOPLE } from './fixtures.ts';

/** Which store a test server runs on. */
export type Backend = 'sqlite' | 'postgres';
/** Both, for `describe.each`. */
export const BACKENDS: readonly Backend[] = ['sqlite', 'postgres'];

/** A real server on 127.0.0.1 with the test people and a published check-in form. */
export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly url: string;
  close(): Promise<void>;
}

let passwordHash: Promise<string> | undefined;

/** The test org chart, people (all with PASSWORD) and the published check-in form. */
export async function seedTestStore(store: Store): Promise<void> {
  await store.people.saveOrgUnit({ id: 'ou-hq', name: '总部', parentId: null }, 'setup');
  await store.people.saveOrgUnit({ id: 'ou-line1', name: '一号线', parentId: 'ou-hq' }, 'setup');
  await store.people.saveOrgUnit({ id: 'ou-line2', name: '二号线', parentId: 'ou-hq' }, 'setup');
  await store.people.saveUsers(PEOPLE, 'setup');
  // One real scrypt hash shared by every test user keeps setup fast without a weaker KDF.
  passwordHash ??= hashPassword(PASSWORD);
  for (const user of PEOPLE) await store.accounts.setPassword(user.id, await passwordHash, 'setup');
  const created = await store.definitions.create(checkinForm(), { author: 'designer', message: '初版' });
  await store.definitions.publish('checkin', created.version, { author: 'designer' });
}

/** A fresh, empty database of the given backend: a SQLite file path or a PostgreSQL URL. */
export async function freshDatabase(backend: Backend): Promise<string> {
  return backend === 'sqlite' ? freshSqliteFile() : freshPostgresDatabase(inject('postgresUrl'));
}

/** Opens a fresh store, seeds it, and listens on a free port. */
export async function startTestServer(
  backend: Backend = 'sqlite',
  options: Omit<ServerOptions, 'store'> = {},
): Promise<TestServer> {
  const database = await freshDatabase(backend);
  const store = await openStore({ database, recordDeriver });
  await seedTestStore(store);
  const app = await buildServer({ store, ...options });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    store,
    url,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
