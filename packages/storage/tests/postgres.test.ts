import pg from 'pg';
import { inject } from 'vitest';
import { openStore } from '../src/index.ts';
import { describeStoreConformance } from './conformance/storeConformance.ts';
import { freshPostgresDatabase } from './support/databases.ts';

describeStoreConformance('PostgreSQL', {
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
});
