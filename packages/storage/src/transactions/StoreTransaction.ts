import { type AuditEntry, type AuditInput, appendAudit } from '../audit/AuditLog.ts';
import type { ConnectorStore } from '../connectors/ConnectorStore.ts';
import type { DefinitionStore } from '../definitions/DefinitionStore.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import type { RecordStore } from '../records/RecordStore.ts';

/** Workspace settings (what `store.connectors.setting` and `setSetting` read and write). */
export type Settings = Pick<ConnectorStore, 'setting' | 'setSetting'>;

/** What a transaction works with besides its locks and audit entries. */
export interface TransactionParts {
  readonly records: RecordStore;
  readonly definitions: DefinitionStore;
  readonly settings: Settings;
}

import { WorkflowRuns } from '../workflows/WorkflowRuns.ts';

/**
 * What `store.transaction(work)` hands `work`: record, definition and settings reads and writes that
 * all run in one database transaction — committed together when `work` resolves, rolled back together
 * when it throws — and locks held until then. On SQLite the transaction holds the store's only
 * connection: `work` must use these, never the store's own methods, or it waits for itself.
 */
export interface StoreTransaction extends TransactionParts {
  /**
   * Waits for, then holds to the end of the transaction, the lock named `key`, which every process
   * on the database honours: a transaction-scoped PostgreSQL advisory lock on the key's hash. SQLite
   * runs one writing transaction at a time (BEGIN IMMEDIATE, across processes too), so there it is
   * held already.
   */
  lock(key: string): Promise<void>;
  /**
   * Appends an entry to the audit log in this transaction (so it exists exactly when the writes it
   * describes do): one entry for a whole import, whose batches are written with `audit: false`.
   */
  audit(input: AuditInput): Promise<AuditEntry>;
  /**
   * Workflow runs in this transaction: the workflow engine advances a run past its record-writing
   * steps in the transaction that writes the records, so a crash keeps both or neither.
   */
  readonly workflows: { readonly runs: WorkflowRuns };
}

// Advisory locks named by a hash live in a space of their own (the two-integer form of the key), apart
// from the store's fixed single-number locks (migrations, the audit chain). Two keys of equal hash
// only wait for each other.
const KEY_LOCKS = 4_242_100;

/** Runs `work` in one transaction of `dialect`, with the stores `partsOn` makes for that transaction. */
export function runTransaction<T>(
  dialect: Dialect,
  now: () => string,
  partsOn: (tx: Dialect) => TransactionParts,
  work: (tx: StoreTransaction) => Promise<T>,
): Promise<T> {
  return dialect.transaction((tx) =>
    work({
      ...partsOn(tx),
      async lock(key) {
        if (tx.name === 'postgres')
          await tx.query('SELECT pg_advisory_xact_lock(?, hashtext(?))', [KEY_LOCKS, key]);
      },
      audit: (input) => appendAudit(tx, input, now()),
      workflows: { runs: new WorkflowRuns(tx, now) },
    }),
  );
}
