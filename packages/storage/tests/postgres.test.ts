import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openStore } from '../src/index.ts';
import { STORE_MIGRATIONS } from '../src/migrations/storeMigrations.ts';
import { describeAccountConformance } from './conformance/accountConformance.ts';
import { describeAnswerCacheConformance } from './conformance/answerCacheConformance.ts';
import { describeConnectorConformance } from './conformance/connectorConformance.ts';
import { describeLayoutConformance } from './conformance/layoutConformance.ts';
import { describePeopleConformance } from './conformance/peopleConformance.ts';
import { describeQueryConformance } from './conformance/queryConformance.ts';
import { describeRecordConformance } from './conformance/recordConformance.ts';
import { describeStoreConformance, type StoreHarness } from './conformance/storeConformance.ts';
import { describeWorkflowConformance } from './conformance/workflowConformance.ts';
import { freshPostgresDatabase } from './support/databases.ts';

const harness: StoreHarness = {
  async open() {
    const url = await freshPostgresDatabase(inject('postgresUrl'));
    const store = await openStore({ database: url });
    const raw = async (sql: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    return { store, raw, database: url };
  },
};

describeStoreConformance('PostgreSQL', harness);
describeRecordConformance('PostgreSQL', harness);
describePeopleConformance('PostgreSQL', harness);
describeAccountConformance('PostgreSQL', harness);
describeConnectorConformance('PostgreSQL', harness);
describeQueryConformance('PostgreSQL', harness);
describeLayoutConformance('PostgreSQL', harness);
describeAnswerCacheConformance('PostgreSQL', harness);
describeWorkflowConformance('PostgreSQL', harness);

describe('PostgreSQL store', () => {
  it('migrates a new database once, even when two servers open it at the same time', async () => {
    const url = await freshPostgresDatabase(inject('postgresUrl'));
    const stores = await Promise.all([openStore({ database: url }), openStore({ database: url })]);
    expect(stores.map((s) => s.dialect)).toEqual(['postgres', 'postgres']);
    await Promise.all(stores.map((s) => s.close()));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM formboard_migrations ORDER BY version');
    await client.end();
    expect(rows).toEqual(STORE_MIGRATIONS.map(({ version }) => ({ version })));
  });
});
