import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI, TSX } from '@formboard/server/testing';
import { openStore, type User } from '@formboard/storage';
import { rebuildDerivedData } from '../../packages/storage/src/layout/derivedData.ts';
import { rawDialect } from '../../packages/storage/tests/support/rawDialect.ts';
import { timeMs } from '../storage/timing.ts';
import { benchBoard } from './board.ts';
import { checkInForm, EMPLOYEES, FORM_ID, firstDay, ORG_UNITS, recordJsonSql } from './boardData.ts';

const COLUMNS =
  'id, form_id, form_version, data, owner_id, org_unit_id, revision, created_at, created_by, updated_at, updated_by';

/** The admin the benchmark signs in as. */
export const ADMIN = { login: 'bench-admin', password: 'bench-dashboard-password' } as const;

/** What setting up the database took, in ms. */
export interface SetupTimes {
  readonly recordsMs: number;
  readonly rebuildMs: number;
  readonly publishMs: number;
}

/**
 * A SQLite database for the benchmark: an admin (made with `formboard user create`, as an operator
 * would), 50 org units and 5,000 employees, the check-in form with `records` records written in bulk
 * around the store (as bench/storage does: records table only, then the store's own rebuild of its
 * typed record table), and the 20-widget board published (which builds its board indexes).
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
    try {
      const at = new Date(nowMs).toISOString();
      recordsMs = await timeMs(() =>
        raw.run(
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
           INSERT INTO records (${COLUMNS})
           SELECT printf('fixture-%07d', i), ?, ?, ${recordJsonSql(firstDay(nowMs))},
             'u' || (i % ${EMPLOYEES}), 'ou-' || (i % ${ORG_UNITS}), 1, ?, 'bench', ?, 'bench' FROM n`,
          [records, FORM_ID, form.version, at, at],
        ),
      );
      await raw.run('ANALYZE records');
      rebuildMs = await timeMs(() => raw.transaction(rebuildDerivedData));
    } finally {
      await raw.close();
    }
    const publishMs = await timeMs(async () => {
      const board = await store.definitions.create(benchBoard(), { author: 'bench' });
      await store.definitions.publish(board.id, board.version, { author: 'bench' });
    });
    return { recordsMs, rebuildMs, publishMs };
  } finally {
    await store.close();
  }
}
