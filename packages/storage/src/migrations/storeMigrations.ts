import { accountTables } from '../accounts/accountTables.ts';
import { connectorTables } from '../connectors/connectorTables.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { importMappingTables } from '../imports/importMappingTables.ts';
import { dataVersionTables } from '../layout/dataVersions.ts';
import { rebuildDerivedData, refreshBoardSpecs, syncAllBoardIndexes } from '../layout/derivedData.ts';
import {
  listenFromStart,
  recordListenersPostgres,
  recordListenersSqlite,
} from '../workflows/recordListeners.ts';
import { recordOutboxPostgres, recordOutboxSqlite } from '../workflows/recordOutboxTables.ts';
import { workflowLeaseTables } from '../workflows/workflowLeaseTables.ts';
import { workflowApprovalTables, workflowTables } from '../workflows/workflowTables.ts';

/** One step of the store's own table layout, written for each dialect. */
export interface StoreMigration {
  readonly version: number;
  readonly description: string;
  readonly sqlite: readonly string[];
  readonly postgres: readonly string[];
  /** A data step run after the statements, in the same transaction (derived tables rebuilt from data). */
  readonly data?: (tx: Dialect) => Promise<void>;
}

// Versions and audit entries are immutable: the database itself refuses to change them, so a bug or
// a careless script cannot rewrite history (a DBA dropping the trigger is caught by verifyAudit).
const immutableSqlite = (table: string) => [
  `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
];
const immutablePostgres = (table: string) => [
  `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION formboard_append_only()`,
];

const definitionTables = [
  `CREATE TABLE definitions (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, state TEXT NOT NULL, head_version INTEGER NOT NULL,
    published_version INTEGER, source_id TEXT, source_version INTEGER,
    created_at TEXT NOT NULL, created_by TEXT NOT NULL)`,
  `CREATE TABLE definition_versions (
    definition_id TEXT NOT NULL REFERENCES definitions(id), version INTEGER NOT NULL,
    content TEXT NOT NULL, hash TEXT NOT NULL, parent_hash TEXT, author TEXT NOT NULL,
    message TEXT NOT NULL, created_at TEXT NOT NULL, restored_from INTEGER,
    PRIMARY KEY (definition_id, version))`,
];

// Only the auto-numbered key differs between the dialects.
const auditTable = (seq: string) => `CREATE TABLE audit_log (
  seq ${seq}, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, summary TEXT NOT NULL,
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`;

const recordTables = (json: string) => [
  `CREATE TABLE records (
    id TEXT PRIMARY KEY, form_id TEXT NOT NULL REFERENCES definitions(id), form_version INTEGER NOT NULL,
    data ${json} NOT NULL, owner_id TEXT NOT NULL, org_unit_id TEXT, revision INTEGER NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
    deleted_at TEXT, deleted_by TEXT)`,
  'CREATE INDEX records_by_form ON records (form_id, created_at)',
  'CREATE INDEX records_by_owner ON records (form_id, owner_id)',
  `CREATE TABLE record_history (
    record_id TEXT NOT NULL REFERENCES records(id), revision INTEGER NOT NULL, operation TEXT NOT NULL,
    data ${json} NOT NULL, changed_at TEXT NOT NULL, changed_by TEXT NOT NULL,
    PRIMARY KEY (record_id, revision))`,
];

const peopleTables = [
  `CREATE TABLE org_units (id TEXT PRIMARY KEY, name TEXT NOT NULL, parent_id TEXT REFERENCES org_units(id))`,
  `CREATE TABLE users (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT, org_unit_id TEXT REFERENCES org_units(id),
    supervisor_id TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED, roles TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  'CREATE INDEX users_by_supervisor ON users (supervisor_id)',
  'CREATE INDEX users_by_org_unit ON users (org_unit_id)',
];

// Typed record tables (form_rows_<id>, one per published form) are created by the store as forms are
// published; these tables say which table follows which form, and which indexes boards want on them.
const layoutTables = (id: string) => [
  `CREATE TABLE form_layouts (
    id ${id}, form_id TEXT NOT NULL UNIQUE REFERENCES definitions(id),
    form_version INTEGER NOT NULL, columns TEXT NOT NULL)`,
  `CREATE TABLE board_indexes (
    dashboard_id TEXT NOT NULL REFERENCES definitions(id), form_id TEXT NOT NULL, paths TEXT NOT NULL,
    PRIMARY KEY (dashboard_id, form_id, paths))`,
  'CREATE INDEX board_indexes_by_form ON board_indexes (form_id)',
];

/** The store's migrations, applied in order on open. Never edit a released step: add one. */
export const STORE_MIGRATIONS: readonly StoreMigration[] = [
  {
    version: 1,
    description: 'definitions, versions and the audit log',
    sqlite: [
      ...definitionTables,
      ...immutableSqlite('definition_versions'),
      auditTable('INTEGER PRIMARY KEY AUTOINCREMENT'),
      ...immutableSqlite('audit_log'),
    ],
    postgres: [
      `CREATE FUNCTION formboard_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
      ...definitionTables,
      ...immutablePostgres('definition_versions'),
      auditTable('BIGSERIAL PRIMARY KEY'),
      ...immutablePostgres('audit_log'),
    ],
  },
  {
    version: 2,
    description: 'records and their history',
    sqlite: [...recordTables('TEXT'), ...immutableSqlite('record_history')],
    // JSONB so dashboard queries can index and aggregate fields inside the data.
    postgres: [...recordTables('JSONB'), ...immutablePostgres('record_history')],
  },
  { version: 3, description: 'users and org units', sqlite: peopleTables, postgres: peopleTables },
  {
    version: 4,
    description: 'passwords, sessions and API tokens',
    sqlite: accountTables,
    postgres: accountTables,
  },
  {
    version: 5,
    description: 'typed record tables for published forms, board indexes for published dashboards',
    sqlite: layoutTables('INTEGER PRIMARY KEY AUTOINCREMENT'),
    postgres: layoutTables('BIGSERIAL PRIMARY KEY'),
    data: rebuildDerivedData,
  },
  {
    version: 6,
    description: 'settings, HTTP pull connectors and their runs',
    sqlite: connectorTables,
    postgres: connectorTables,
  },
  {
    version: 7,
    description: 'workflow runs, side effects, inbox, metric streaks and alerts',
    sqlite: workflowTables,
    postgres: workflowTables,
  },
  {
    version: 8,
    description: 'workflow approvals, waiting runs and schedule cursors',
    sqlite: workflowApprovalTables,
    postgres: workflowApprovalTables,
  },
  {
    version: 9,
    description: 'workflow leases, retry attempts and per-workflow concurrency',
    sqlite: workflowLeaseTables,
    postgres: workflowLeaseTables,
  },
  {
    version: 10,
    description: 'the record-event outbox: committed record changes the workflow engine has yet to take',
    sqlite: recordOutboxSqlite,
    postgres: recordOutboxPostgres,
  },
  {
    version: 11,
    description: 'data versions of forms and a journal of record changes (board answer cache)',
    sqlite: dataVersionTables('INTEGER'),
    postgres: dataVersionTables('BIGINT'),
  },
  {
    version: 12,
    description:
      'board indexes on PostgreSQL: partial covering indexes of typed record tables, and their twins',
    sqlite: [],
    postgres: [],
    data: syncAllBoardIndexes,
  },
  {
    version: 13,
    description: 'record listeners: which published workflow hears which changes of which form',
    sqlite: recordListenersSqlite,
    postgres: recordListenersPostgres,
    data: listenFromStart,
  },
  {
    version: 14,
    description: 'saved import column mappings, per form and header row',
    sqlite: importMappingTables,
    postgres: importMappingTables,
  },
  {
    version: 15,
    description: 'board index specs anew: one index per family of passes (SQLite reads carriers through it)',
    sqlite: [],
    postgres: [],
    data: refreshBoardSpecs,
  },
];
