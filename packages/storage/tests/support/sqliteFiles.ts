import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

let counter = 0;
let sqliteRoot: string | undefined;

// Registered when a test file imports this module: its SQLite files go when the file's tests end.
afterAll(() => {
  if (sqliteRoot) rmSync(sqliteRoot, { recursive: true, force: true });
});

/** A fresh, empty SQLite file path; the files of a test file are removed after it. */
export function freshSqliteFile(): string {
  sqliteRoot ??= mkdtempSync(join(tmpdir(), 'formboard-sqlite-'));
  return join(sqliteRoot, `store-${counter++}.db`);
}
