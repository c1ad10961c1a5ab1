import Database from 'better-sqlite3';
import { openStore } from '../src/index.ts';
import { describeStoreConformance } from './conformance/storeConformance.ts';
import { freshSqliteFile } from './support/databases.ts';

describeStoreConformance('SQLite', {
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
});
