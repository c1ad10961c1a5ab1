import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
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
import { freshSqliteFile } from './support/sqliteFiles.ts';

const harness: StoreHarness = {
  async open() {
    const file = freshSqliteFile();
    const store = await openStore({ database: file });
    const raw = async (sql: string) => {
      const db = new Database(file);
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    };
    return { store, raw, database: file };
  },
};

describeStoreConformance('SQLite', harness);
describeRecordConformance('SQLite', harness);
describePeopleConformance('SQLite', harness);
describeAccountConformance('SQLite', harness);
describeConnectorConformance('SQLite', harness);
describeQueryConformance('SQLite', harness);
describeLayoutConformance('SQLite', harness);
describeAnswerCacheConformance('SQLite', harness);
describeWorkflowConformance('SQLite', harness);

describe('SQLite store', () => {
  it('migrates a new file once and reopens it without migrating again', async () => {
    const file = freshSqliteFile();
    await (await openStore({ database: file })).close();
    const reopened = await openStore({ database: file });
    expect(reopened.dialect).toBe('sqlite');
    await reopened.close();
    const db = new Database(file, { readonly: true });
    const versions = db.prepare('SELECT version FROM formboard_migrations ORDER BY version').all();
    db.close();
    expect(versions).toEqual(STORE_MIGRATIONS.map(({ version }) => ({ version })));
  });
});
