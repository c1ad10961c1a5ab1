import type { RecordWriter, Store, StoredRecord } from '@formboard/storage';
import type { RowSpool } from './rowSpool.ts';

// Rows per insert statement batch of a commit: its memory, not the file's length, bounds a commit's.
const BATCH_ROWS = 1000;

/** Where an import came from, for its audit entry. */
export interface ImportOrigin {
  /** The file's name as the importer had it (the API's `fileName`, the command line's file). */
  readonly fileName?: string;
  readonly via: 'api' | 'cli';
}

/** What a commit wrote: how many records, the form version, and the first and last (with their times). */
export interface WrittenRecords {
  readonly count: number;
  readonly formVersion: number;
  readonly first: Pick<StoredRecord, 'id' | 'createdAt'>;
  readonly last: Pick<StoredRecord, 'id' | 'createdAt'>;
}

/**
 * The summary of an import's one `import.committed` audit entry: the file and how it was read, the
 * counts, and the records written (first and last, with their times: with the actor and the form
 * they identify the import's records in the log and in the records' history).
 */
export type ImportAuditSummary = (written: WrittenRecords) => Record<string, unknown>;

/**
 * Writes the spooled rows batch by batch, all in one transaction, and appends one `import.committed`
 * audit entry for them in it: every row and its entry, or (on any failure) nothing. The batches are
 * written without an entry each (100 entries of "1,000 records" for a 100,000-row file said nothing
 * an auditor needs), and the audit chain's lock is taken once, at the end, instead of from the first
 * batch to the commit.
 */
export function commitRows(
  store: Store,
  request: { formId: string; spool: RowSpool; writer: RecordWriter; summary: ImportAuditSummary },
): Promise<number> {
  const { formId, spool, writer } = request;
  return store.transaction(async (tx) => {
    let written: WrittenRecords | undefined;
    for await (const batch of spool.batches(BATCH_ROWS)) {
      const created = await tx.records.insertMany(formId, batch, { ...writer, audit: false });
      const first = created[0];
      const last = created.at(-1);
      if (!first || !last) continue;
      written = {
        count: (written?.count ?? 0) + created.length,
        formVersion: first.formVersion,
        first: written?.first ?? { id: first.id, createdAt: first.createdAt },
        last: { id: last.id, createdAt: last.createdAt },
      };
    }
    if (written)
      await tx.audit({
        actor: writer.actor,
        action: 'import.committed',
        entityType: 'form',
        entityId: formId,
        summary: request.summary(written),
      });
    return written?.count ?? 0;
  });
}
