import { AccountStore } from './accounts/AccountStore.ts';
import { type AuditEntry, type AuditVerification, listAudit, verifyAudit } from './audit/AuditLog.ts';
import { ConnectorStore } from './connectors/ConnectorStore.ts';
import { DefinitionStore } from './definitions/DefinitionStore.ts';
import type { DefinitionInfo } from './definitions/types.ts';
import type { Dialect } from './dialect/Dialect.ts';
import { PostgresDialect } from './dialect/postgres/PostgresDialect.ts';
import { SqliteDialect } from './dialect/sqlite/SqliteDialect.ts';
import { ImportMappingStore } from './imports/ImportMappingStore.ts';
import { afterDefinitionCommit, derivedDataEvents, settleBoardIndexes } from './layout/derivedData.ts';
import { applyMigrations } from './migrations/applyMigrations.ts';
import { PeopleStore } from './people/PeopleStore.ts';
import { QueryRunner } from './queries/QueryRunner.ts';
import { CompiledForms } from './records/CompiledForms.ts';
import type { RecordDeriver } from './records/deriveRecord.ts';
import { RecordStore } from './records/RecordStore.ts';
import { Rollups } from './rollups/Rollups.ts';
import { withRollups } from './rollups/rollupPublish.ts';
import { runTransaction, type StoreTransaction } from './transactions/StoreTransaction.ts';
import { UniqueKeys } from './unique/UniqueKeys.ts';
import { withRecordListeners } from './workflows/recordListeners.ts';
import { WorkflowStore } from './workflows/WorkflowStore.ts';

/** Options of `openStore`. */
export interface StoreOptions {
  /** A SQLite file path (or ":memory:"), or a `postgres://` URL. */
  readonly database: string;
  /** The clock for timestamps (ISO text); default the real one. Tests inject their own. */
  readonly now?: () => string;
  /**
   * Derives what a form computes in every record written — insert, import, update, whoever writes —
   * before it is validated and stored. Without it, records are stored as written (tools that only read).
   */
  readonly recordDeriver?: RecordDeriver;
  /**
   * Keep board answers between runs, extended by inserted records (default true). Off, every run
   * computes afresh: for benchmarks of the queries themselves, or a process short of memory.
   */
  readonly keepAnswers?: boolean;
}

/** Everything Formboard keeps: one interface over SQLite and PostgreSQL. */
export interface Store {
  readonly dialect: Dialect['name'];
  readonly definitions: DefinitionStore;
  readonly records: RecordStore;
  readonly people: PeopleStore;
  /** Passwords, sessions and API tokens. */
  readonly accounts: AccountStore;
  /** Admin settings, HTTP pull connectors and their runs. */
  readonly connectors: ConnectorStore;
  /** Dashboard queries, aggregated in SQL. */
  readonly queries: QueryRunner;
  /** Column mappings saved by imports, per form and header row. */
  readonly importMappings: ImportMappingStore;
  /** What the workflow engine keeps: runs, side effects, inbox, metric streaks, alerts. */
  readonly workflows: WorkflowStore;
  /** Published forms' uniqueness constraints, for checking rows before writing them (an import's dry run). */
  readonly uniqueKeys: UniqueKeys;
  /** Audit entries, newest first. */
  audit(options?: {
    entityType?: string;
    entityId?: string;
    limit?: number;
    beforeSeq?: number;
  }): Promise<AuditEntry[]>;
  /** Recomputes the audit hash chain; names the first broken entry. */
  verifyAudit(): Promise<AuditVerification>;
  /**
   * Runs `work`'s record, definition and settings reads and writes in one transaction (all committed
   * or none), with locks every process honours.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Opens (and migrates) the store at `database`: a SQLite file by default, PostgreSQL for a postgres:// URL. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const isPostgres = /^postgres(ql)?:\/\//.test(options.database);
  const dialect: Dialect = isPostgres
    ? new PostgresDialect(options.database)
    : new SqliteDialect(options.database);
  const now = options.now ?? (() => new Date().toISOString());
  try {
    await applyMigrations(dialect);
    await settleBoardIndexes(dialect);
  } catch (error) {
    await dialect.close();
    throw error;
  }
  // Roll-ups are kept by record writes and recomputed when a form's roll-ups are published.
  const rollups = new Rollups(new CompiledForms(options.recordDeriver), now);
  const events = withRollups(withRecordListeners(derivedDataEvents), rollups);
  const committed = afterDefinitionCommit(dialect);
  const definitions = new DefinitionStore(dialect, now, events, committed);

  // One transaction over the record, definition and settings stores. What follows a publication once
  // committed (PostgreSQL's concurrent board index builds) waits for the whole transaction's commit.
  async function transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const published: DefinitionInfo[] = [];
    const collect = committed && (async (info: DefinitionInfo) => void published.push(info));
    let wroteDefinitions = false;
    const parts = (tx: Dialect) => {
      const inTransaction = new DefinitionStore(tx, now, events, collect, () => {
        wroteDefinitions = true;
      });
      return {
        records: new RecordStore(tx, inTransaction, now, options.recordDeriver, rollups),
        definitions: inTransaction,
        settings: new ConnectorStore(tx, now),
      };
    };
    const result = await runTransaction(dialect, now, parts, work).catch((error: unknown) => {
      // Versions written in a transaction that rolled back are gone, and their numbers will be given
      // again: what was compiled from them (by form id and version) must go too. Only then: a record
      // write that rolls back leaves the compiled forms as good as they were.
      if (wroteDefinitions) rollups.forgetCompiled();
      throw error;
    });
    for (const info of published) await committed?.(info);
    return result;
  }

  return {
    dialect: dialect.name,
    definitions,
    records: new RecordStore(dialect, definitions, now, options.recordDeriver, rollups),
    people: new PeopleStore(dialect, now),
    accounts: new AccountStore(dialect, now),
    connectors: new ConnectorStore(dialect, now),
    queries: new QueryRunner(dialect, definitions, options.keepAnswers ?? true),
    importMappings: new ImportMappingStore(dialect, now),
    workflows: new WorkflowStore(dialect, now),
    uniqueKeys: new UniqueKeys(dialect, rollups.forms),
    audit: (query) => listAudit(dialect, query),
    verifyAudit: () => verifyAudit(dialect),
    transaction,
    close: () => dialect.close(),
  };
}
