import type { Dialect } from '../dialect/Dialect.ts';
import { STORE_MIGRATIONS, type StoreMigration } from './storeMigrations.ts';

// Several servers may open one PostgreSQL database at once: an advisory lock lets one migrate.
const MIGRATION_LOCK = 4_242_001;

/** Brings the store's tables to the latest layout; returns the versions applied now. */
export async function applyMigrations(
  dialect: Dialect,
  migrations: readonly StoreMigration[] = STORE_MIGRATIONS,
): Promise<number[]> {
  return dialect.transaction(async (tx) => {
    if (tx.name === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    await tx.run(
      'CREATE TABLE IF NOT EXISTS formboard_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM formboard_migrations')).map((r) =>
        Number(r.version),
      ),
    );
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      for (const statement of tx.name === 'sqlite' ? migration.sqlite : migration.postgres)
        await tx.run(statement);
      await migration.data?.(tx);
      await tx.run('INSERT INTO formboard_migrations (version, description, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.description,
        new Date().toISOString(),
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
