// The record-event outbox (store migration 10). Every record write adds one row per changed record
// in the write's own transaction (`appendRecordEvents`), so a committed change is never lost between
// its commit and the workflow engine hearing of it: the engine takes rows, starts the runs they
// trigger and deletes them in one transaction (`RecordEventOutbox.take`). Deleted once taken, the
// table holds only what is still to do. `seq` orders the events; the index finds a record's earlier
// events, so each record's events are taken in order.
const recordOutbox = (seq: string) => [
  `CREATE TABLE record_outbox (
    seq ${seq}, record_id TEXT NOT NULL, form_id TEXT NOT NULL, revision INTEGER NOT NULL,
    operation TEXT NOT NULL, actor TEXT NOT NULL, created_at TEXT NOT NULL)`,
  'CREATE INDEX record_outbox_by_record ON record_outbox (record_id, seq)',
];

/** SQLite's statements of the outbox migration. */
export const recordOutboxSqlite = recordOutbox('INTEGER PRIMARY KEY AUTOINCREMENT');
/** PostgreSQL's statements of the outbox migration. */
export const recordOutboxPostgres = recordOutbox('BIGSERIAL PRIMARY KEY');
