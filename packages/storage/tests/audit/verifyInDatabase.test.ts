import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  type AuditInput,
  appendAudit,
  entryText,
  verifyAudit,
  verifyAuditInProcess,
} from '../../src/audit/AuditLog.ts';
import { ENTRY_HASH_SQL, ENTRY_TEXT_SQL } from '../../src/audit/verifyAuditInPostgres.ts';
import type { Dialect } from '../../src/dialect/Dialect.ts';
import { openStore } from '../../src/index.ts';
import { freshPostgresDatabase } from '../support/databases.ts';
import { rawDialect } from '../support/rawDialect.ts';
import { freshSqliteFile } from '../support/sqliteFiles.ts';

// Strings that JSON escapes in every way it can (PostgreSQL text cannot hold U+0000, so it is left out).
const awkward = [
  'plain',
  '王五 "老王"',
  'back\\slash / and </script>',
  'lines\n\r\ttab\b\f',
  'controls \u0001 \u001f \u007f',
  'separators \u2028 \u2029',
  'emoji 😀 and 𠮷',
  '',
];

const entries: AuditInput[] = awkward.map((text, i) => ({
  actor: text,
  action: `record.${text}`,
  entityType: i % 2 ? text : 'record',
  entityId: `${text}-${i}`,
  summary: { note: text, n: i, list: [text, null, -0.5], [text]: true },
}));

type Stored = {
  text: string;
  sqlHash: string;
  hash: string;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  seq: number;
};

async function chainOn(database: string): Promise<Dialect> {
  const store = await openStore({ database });
  await store.close();
  const dialect = rawDialect(database);
  for (const [i, entry] of entries.entries())
    await dialect.transaction((tx) => appendAudit(tx, entry, `2026-11-27T08:00:0${i}.000Z`));
  return dialect;
}

const databases: [string, () => Promise<string>][] = [
  ['SQLite', async () => freshSqliteFile()],
  ['PostgreSQL', () => freshPostgresDatabase(inject('postgresUrl'))],
];

describe.each(databases)('audit verify on %s', (name, fresh) => {
  let dialect: Dialect | undefined;
  afterEach(async () => {
    await dialect?.close();
  });

  it('gives the same verdicts as the in-process check, intact and after each kind of tampering', async () => {
    dialect = await chainOn(await fresh());
    expect(await verifyAudit(dialect)).toEqual({ ok: true, entries: entries.length });
    expect(await verifyAuditInProcess(dialect, 3)).toEqual({ ok: true, entries: entries.length });
    const drop =
      name === 'SQLite'
        ? 'DROP TRIGGER audit_log_no_update'
        : 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only';
    await dialect.run(drop);
    if (name === 'SQLite') await dialect.run('DROP TRIGGER audit_log_no_delete');
    const tamperings = [
      "UPDATE audit_log SET entity_id = entity_id || ' ' WHERE seq = 7",
      "UPDATE audit_log SET at = '2026-11-27T08:00:09.000Z' WHERE seq = 6",
      "UPDATE audit_log SET summary = replace(summary, ':', ': ') WHERE seq = 5",
      'UPDATE audit_log SET hash = prev_hash WHERE seq = 4',
      'DELETE FROM audit_log WHERE seq = 2',
    ];
    for (const sql of tamperings) {
      await dialect.run(sql);
      const expected = await verifyAuditInProcess(dialect, 3);
      expect(expected.ok).toBe(false);
      expect(await verifyAudit(dialect)).toEqual(expected);
    }
    expect(await verifyAudit(dialect)).toEqual({ ok: false, entries: 2, brokenAt: 3, reason: 'link' });
  });
});

describe('audit entry text in PostgreSQL', () => {
  it('is byte for byte the text and hash the store computes', async () => {
    const dialect = await chainOn(await freshPostgresDatabase(inject('postgresUrl')));
    try {
      const rows = await dialect.query<Stored>(
        `SELECT *, ${ENTRY_TEXT_SQL} AS text, ${ENTRY_HASH_SQL} AS "sqlHash" FROM audit_log ORDER BY seq`,
      );
      expect(rows).toHaveLength(entries.length);
      for (const row of rows) {
        const fields = {
          at: row.at,
          actor: row.actor,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
        };
        expect(row.text).toBe(entryText(fields, row.summary));
        expect(row.sqlHash).toBe(row.hash);
      }
    } finally {
      await dialect.close();
    }
  });
});
