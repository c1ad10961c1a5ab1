import type { Dialect } from '../dialect/Dialect.ts';

/** Journal entries kept per form: a cached answer older than this many changes is recomputed. */
const KEEP = 1000;
/** Inserts of more records than this are journaled as a rewrite (no answer extends over them). */
const MAX_IDS = 1000;

/** Tables of the data versions: one counter per form, and a journal of what each version changed. */
export const dataVersionTables = (bigint: string) => [
  `CREATE TABLE form_data_versions (form_id TEXT PRIMARY KEY, version ${bigint} NOT NULL)`,
  `CREATE TABLE form_changes (
    form_id TEXT NOT NULL, version ${bigint} NOT NULL, inserted_ids TEXT,
    PRIMARY KEY (form_id, version))`,
];

/** What happened to a form's live records since a version: only inserts (their ids), or more. */
export type ChangesSince =
  | { readonly kind: 'inserts'; readonly recordIds: readonly string[] }
  | { readonly kind: 'rewritten' };

/**
 * Counts a change to a form's live records, in the writer's transaction: the form's data version
 * goes up by one and the journal notes the ids of records inserted, or — for updates, deletes,
 * rebuilds and large imports — that rows were rewritten. Writers of one form take its counter row in
 * turn (PostgreSQL), so versions follow commit order; lock order: layout row → counter → audit.
 */
export async function noteDataChange(
  tx: Dialect,
  formId: string,
  insertedIds: readonly string[] | undefined,
): Promise<void> {
  const [row] = await tx.query<{ version: number }>(
    `INSERT INTO form_data_versions (form_id, version) VALUES (?, 1)
     ON CONFLICT (form_id) DO UPDATE SET version = form_data_versions.version + 1 RETURNING version`,
    [formId],
  );
  const version = Number(row?.version);
  const ids = insertedIds && insertedIds.length <= MAX_IDS ? JSON.stringify(insertedIds) : null;
  await tx.run('INSERT INTO form_changes (form_id, version, inserted_ids) VALUES (?, ?, ?)', [
    formId,
    version,
    ids,
  ]);
  if (version > KEEP)
    await tx.run('DELETE FROM form_changes WHERE form_id = ? AND version <= ?', [formId, version - KEEP]);
}

/**
 * Counts a rebuild of a form's typed table as a rewrite. Store migration 5 rebuilds tables before
 * migration 10 made the counters; no answer was cached then, so there is nothing to count.
 */
export async function noteRebuilt(tx: Dialect, formId: string): Promise<void> {
  const exists =
    tx.name === 'postgres'
      ? await tx.query("SELECT 1 WHERE to_regclass('form_data_versions') IS NOT NULL")
      : await tx.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'form_data_versions'");
  if (exists.length > 0) await noteDataChange(tx, formId, undefined);
}

/** A form's data version: 0 before its first change. */
export async function dataVersion(db: Dialect, formId: string): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    'SELECT version FROM form_data_versions WHERE form_id = ?',
    [formId],
  );
  return row ? Number(row.version) : 0;
}

/** What changed in a form's live records after version `since`, up to `now`, from the journal. */
export async function changesSince(
  db: Dialect,
  formId: string,
  since: number,
  now: number,
): Promise<ChangesSince> {
  const rows = await db.query<{ inserted_ids: string | null }>(
    'SELECT inserted_ids FROM form_changes WHERE form_id = ? AND version > ? AND version <= ? ORDER BY version',
    [formId, since, now],
  );
  // Every version has exactly one entry: fewer means the journal was pruned past `since`.
  if (rows.length !== now - since || rows.some((r) => r.inserted_ids === null)) return { kind: 'rewritten' };
  return { kind: 'inserts', recordIds: rows.flatMap((r) => JSON.parse(r.inserted_ids ?? '[]') as string[]) };
}
