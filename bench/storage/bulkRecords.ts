import type { Dialect } from '@formboard/storage';
import { DAYS, EMPLOYEES, FIRST_DAY, ORG_UNITS } from './benchData.ts';

const COLUMNS =
  'id, form_id, form_version, data, owner_id, org_unit_id, revision, created_at, created_by, updated_at, updated_by';

/**
 * Writes records `from`..`to` of benchData.ts straight into the records table with one INSERT … SELECT
 * (the records table only: no history rows, no audit entries). For the 1M-record board query only;
 * entering records through the store is measured separately.
 */
export async function bulkRecords(
  db: Dialect,
  formId: string,
  formVersion: number,
  from: number,
  to: number,
): Promise<void> {
  const at = new Date().toISOString();
  const fixed = [formId, formVersion, 'bench', at, 'bench', at, 'bench'];
  if (db.name === 'sqlite') {
    await db.run(
      `WITH RECURSIVE n(i) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO records (${COLUMNS})
       SELECT printf('fixture-%07d', i), ?, ?,
         json_object('employee', 'u' || (i % ${EMPLOYEES}), 'orgUnit', 'ou-' || (i % ${ORG_UNITS}),
           'reportedOn', date('${FIRST_DAY}', '+' || (i % ${DAYS}) || ' days'), 'score', (i * 37) % 121),
         ?, NULL, 1, ?, ?, ?, ? FROM n`,
      [from, to, ...fixed],
    );
  } else {
    await db.run(
      `INSERT INTO records (${COLUMNS})
       SELECT 'fixture-' || lpad(i::text, 7, '0'), ?, ?,
         jsonb_build_object('employee', 'u' || (i % ${EMPLOYEES}), 'orgUnit', 'ou-' || (i % ${ORG_UNITS}),
           'reportedOn', to_char(date '${FIRST_DAY}' + (i % ${DAYS}), 'YYYY-MM-DD'), 'score', (i * 37) % 121),
         ?, NULL, 1, ?, ?, ?, ? FROM generate_series(?::int, ?::int) AS i`,
      [...fixed, from, to],
    );
  }
  await db.run('ANALYZE records');
}
