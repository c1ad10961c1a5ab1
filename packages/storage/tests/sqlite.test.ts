import Database from 'better-sqlite3';
import { openStore } from '../src/index.ts';
import { describePeopleConformance } from './conformance/peopleConformance.ts';
import { describeQueryConformance } from './conformance/queryConformance.ts';
import { describeRecordConformance } from './conformance/recordConformance.ts';
import { describeStoreConformance, type StoreHarness } from './conformance/storeConformance.ts';
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
    return { store, raw };
  },
};

describeStoreConformance('SQLite', harness);
describeRecordConformance('SQLite', harness);
describePeopleConformance('SQLite', harness);
describeQueryConformance('SQLite', harness);
