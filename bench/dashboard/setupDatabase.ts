import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI, TSX } from '@formboard/server/testing';
import { openStore, type User } from '@formboard/storage';
import { rebuildDerivedData } from '../../packages/storage/src/layout/derivedData.ts';
import { rawDialect } from '../../packages/storage/tests/support/rawDialect.ts';
import { timeMs } from '../storage/timing.ts';
import { benchBoard } from './board.ts';
import {
  checkInForm,
  EMPLOYEES,
  FORM_ID,
  firstDay,
  ORG_UNITS,
  recordJsonPostgres,
  recordJsonSql,
} from './boardData.ts';

const COLUMNS =
  'id, form_id, form_version, data, owner_id, org_unit_id, revision, created_at, created_by, updated_at, updated_by';

/** The admin the benchmark signs in as. */
export const ADMIN = { login: 'bench-admin', password: 'bench-dashboard-password' } as const;

/** What setting up the database took, in ms. */
export interface SetupTimes {
  readonly recordsMs: number;
  readonly rebuildMs: number;
  readonly publishMs: number;
  /** PostgreSQL: `VACUUM (ANALYZE)` after the bulk load (0 on SQLite). */
  readonly vacuumMs: number;
}

/** The bulk insert of `records` check-ins, for SQLite or PostgreSQL (parameters: count, form, version, at, at). */
const insertRecords = (database: string, nowMs: number) =>
  isPostgres(database)
    ? `INSERT INTO records (${COLUMNS})
       SELECT 'fixture-' || lpad(i::text, 7, '0'), ?, ?, ${recordJsonPostgres(firstDay(nowMs))},
         'u' || (i % ${EMPLOYEES}), 'ou-' || (i % ${ORG_UNITS}), 1, ?, 'bench', ?, 'bench'
       FROM generate_series(1, ?::int) AS i`
    : `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO records (${COLUMNS})
       SELECT printf('fixture-%07d', i), ?, ?, ${recordJsonSql(firstDay(nowMs))},
         'u' || (i % ${EMPLOYEES}), 'ou-' || (i % ${ORG_UNITS}), 1, ?, 'bench', ?, 'bench' FROM n`;

/** Whether a database is a PostgreSQL URL (else a SQLite file). */
export const isPostgres = (database: string): boolean => /^postgres(ql)?:\/\//.test(database);

/**
 * A database for the benchmark (a SQLite file or a PostgreSQL URL): an admin (made with `formboard
 * user create`, as an operator would), 50 org units and 5,000 employees, the check-in form with
 * `records` records written in bulk around the store (as bench/storage does: records table only, then
 * the store's own rebuild of its typed record table), and the 20-widget board published (which builds
 * its board indexes). On PostgreSQL an operator then runs `VACUUM (ANALYZE)`, as after any bulk load:
 * index-only scans skip the table only for pages VACUUM has marked all-visible (autovacuum would come
 * by within a minute or two).
 */
export async function setupDatabase(database: string, records: number, nowMs: number): Promise<SetupTimes> {
  await promisify(execFile)(
    TSX,
    [CLI, 'user', 'create', '--id', ADMIN.login, '--name', 'Bench admin', '--admin', '--database', database],
    { env: { ...process.env, FORMBOARD_PASSWORD: ADMIN.password } },
  );
  const store = await openStore({ database });
  try {
    for (let u = 0; u < ORG_UNITS; u += 1)
      await store.people.saveOrgUnit({ id: `ou-${u}`, name: `车间 ${u + 1}`, parentId: null }, 'bench');
    const users: User[] = Array.from({ length: EMPLOYEES }, (_, e) => ({
      id: `u${e}`,
      name: `员工 ${e + 1}`,
      email: `u${e}@bench.local`,
      orgUnitId: `ou-${e % ORG_UNITS}`,
      supervisorId: ADMIN.login,
      roles: ['member'],
      disabled: false,
    }));
    await store.people.saveUsers(users, 'bench');
    const form = await store.definitions.create(checkInForm(), { author: 'bench' });
    await store.definitions.publish(form.id, form.version, { author: 'bench' });
    const raw = rawDialect(database);
    let recordsMs: number;
    let rebuildMs: number;
    let publishMs: number;
    let vacuumMs: number;
    try {
      const at = new Date(nowMs).toISOString();
      const params = isPostgres(database)
        ? [FORM_ID, form.version, at, at, records]
        : [records, FORM_ID, form.version, at, at];
      recordsMs = await timeMs(() => raw.run(insertRecords(database, nowMs), params));
      await raw.run('ANALYZE records');
      rebuildMs = await timeMs(() => raw.transaction(rebuildDerivedData));
      publishMs = await timeMs(async () => {
        const board = await store.definitions.create(benchBoard(), { author: 'bench' });
        await store.definitions.publish(board.id, board.version, { author: 'bench' });
      });
      vacuumMs = isPostgres(database) ? await timeMs(() => raw.run('VACUUM (ANALYZE)')) : 0;
    } finally {
      await raw.close();
    }
    return { recordsMs, rebuildMs, publishMs, vacuumMs };
  } finally {
    await store.close();
  }
}
