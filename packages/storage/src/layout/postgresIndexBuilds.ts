import type { Dialect } from '../dialect/Dialect.ts';
import type { PostgresDialect } from '../dialect/postgres/PostgresDialect.ts';
import { boardIndexName, wantedColumnLists } from './boardIndexes.ts';
import type { FormLayout } from './FormLayout.ts';
import { formLayout } from './formLayouts.ts';
import { type IndexStep, indexSteps, stepStatements } from './postgresBoardIndexes.ts';

// The first key of the two-key advisory locks index builds take (a key space of its own); the second
// is the number of the typed table (`form_rows_<n>`).
const BUILD_LOCKS = 0x42496478;
/** Rounds of looking again after a build, for the wants of publications that committed meanwhile. */
const MAX_ROUNDS = 3;

/** What {@link buildBoardIndexesConcurrently} did: indexes built and dropped, and statements that failed. */
export interface IndexBuilds {
  readonly built: string[];
  readonly dropped: string[];
  readonly failed: { readonly statement: string; readonly error: unknown }[];
}

const steps = async (db: Dialect, layout: FormLayout): Promise<IndexStep[]> =>
  indexSteps(db, layout, await wantedColumnLists(db, layout), (columns) => boardIndexName(layout, columns));

/**
 * Brings PostgreSQL's board indexes of every typed record table in line with the published
 * dashboards' specs — outside any transaction, with `CREATE INDEX CONCURRENTLY`, so that writers of
 * the form go on while an index is built (a plain `CREATE INDEX` in the publishing transaction held
 * them off for 4–8 s per million records). It runs after a dashboard's publication or archiving
 * commits, and when a store opens. Idempotent: an index that exists and is valid is kept; an invalid
 * one — left by a build that failed, or whose process died — is dropped and built again.
 *
 * Per table, one process at a time builds (a session advisory lock, tried, never waited for: a
 * `CREATE INDEX CONCURRENTLY` waits for every transaction older than it, so a process waiting for the
 * lock in one would wait for itself); one that finds the table taken leaves it, and the process
 * holding it looks again after it lets go, so wants committed meanwhile are built too. Queries never
 * depend on an index: until it is built they read the table, slower, with the same answers. A
 * statement that fails is reported in `failed` and left for the next run.
 */
export async function buildBoardIndexesConcurrently(db: PostgresDialect): Promise<IndexBuilds> {
  const done: IndexBuilds = { built: [], dropped: [], failed: [] };
  await db.session(async (session) => {
    await session.run("SET maintenance_work_mem = '256MB'");
    const forms = await session.query<{ form_id: string }>(
      'SELECT form_id FROM form_layouts ORDER BY form_id',
    );
    for (const { form_id } of forms)
      await settle(session, form_id, done).catch((error: unknown) => {
        done.failed.push({ statement: `-- the board indexes of ${form_id}`, error });
      });
    await session.run('RESET maintenance_work_mem');
  });
  return done;
}

/** One form's board indexes, built under its table's lock while there is something to do. */
async function settle(session: Dialect, formId: string, done: IndexBuilds): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    // Read afresh each round: a publication may have rebuilt the table meanwhile.
    const layout = await formLayout(session, formId);
    if (!layout || (await steps(session, layout)).length === 0) return;
    const key = [BUILD_LOCKS, Number(layout.table.slice('form_rows_'.length))];
    const [lock] = await session.query<{ held: boolean }>(
      'SELECT pg_try_advisory_lock(?::int, ?::int) AS held',
      key,
    );
    if (!lock?.held) return;
    try {
      for (const step of await steps(session, layout))
        for (const statement of stepStatements(layout, step, true)) {
          try {
            await session.run(statement);
          } catch (error) {
            done.failed.push({ statement, error });
            break;
          }
          if ('drop' in step) done.dropped.push(step.drop);
          else if (statement.startsWith('CREATE INDEX'))
            done.built.push('create' in step ? step.create : step.twin);
        }
    } finally {
      await session.query('SELECT pg_advisory_unlock(?::int, ?::int)', key);
    }
  }
}
