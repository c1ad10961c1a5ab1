import pg from 'pg';
import { inject } from 'vitest';
import { openStore } from '../src/index.ts';
import { describePeopleConformance } from './conformance/peopleConformance.ts';
import { describeQueryConformance } from './conformance/queryConformance.ts';
import { describeRecordConformance } from './conformance/recordConformance.ts';
import { describeStoreConformance, type StoreHarness } from './conformance/storeConformance.ts';
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
    return { store, raw };
  },
};

describeStoreConformance('PostgreSQL', harness);
describeRecordConformance('PostgreSQL', harness);
describePeopleConformance('PostgreSQL', harness);
describeQueryConformance('PostgreSQL', harness);
