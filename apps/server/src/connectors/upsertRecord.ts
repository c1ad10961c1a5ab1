import { type Node, print } from '@formboard/formula';
import {
  canonicalJson,
  type RecordStore,
  type RecordWriter,
  type Store,
  type StoredRecord,
  StoreError,
} from '@formboard/storage';
import { ApiError } from '../http/ApiError.ts';
import { readPath } from '../records/dataPaths.ts';

const ORIGIN = { start: 0, end: 0 };

/** The filter formula `field = value`, printed from an AST so no value can break out of its literal. */
function equalsFormula(field: string, value: unknown): string {
  const right: Node =
    typeof value === 'number'
      ? { type: 'Number', value, span: ORIGIN }
      : { type: 'String', value: String(value), span: ORIGIN };
  const left: Node = {
    type: 'Field',
    path: field.split('.').map((key) => ({ key, each: false })),
    span: ORIGIN,
  };
  return print({ type: 'Binary', op: '=', left, right, span: ORIGIN });
}

// Pushes of one key through this process run one after another (they would only wait for each
// other's database lock); across processes the lock and the revision checks below keep them apart.
const queues = new WeakMap<Store, Map<string, Promise<unknown>>>();
async function oneAtATime<T>(store: Store, key: string, work: () => Promise<T>): Promise<T> {
  const inFlight = queues.get(store) ?? new Map<string, Promise<unknown>>();
  queues.set(store, inFlight);
  const previous = inFlight.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  inFlight.set(key, settled);
  try {
    return await next;
  } finally {
    if (inFlight.get(key) === settled) inFlight.delete(key);
  }
}

/** What an upsert did. */
export type UpsertOutcome = {
  readonly outcome: 'inserted' | 'updated' | 'unchanged';
  readonly record: StoredRecord;
};

// An update that lost a race (the record changed or went away after it was read) starts over; each
// try sees the winner's write, so a few are enough even with several servers pushing one key.
const MAX_TRIES = 5;
const lostRace = (error: unknown) =>
  error instanceof StoreError && (error.code === 'conflict' || error.code === 'state');

/**
 * Inserts `data`, or updates the live record whose `keyField` has the same value (how an ERP pushes
 * or a connector pulls the same rows again). Unchanged data writes nothing. Validation is the store's.
 *
 * Safe with several server processes on one database: an insert happens in a transaction that holds
 * a lock on the form, key field and value (a PostgreSQL advisory lock on their hash) and looks for
 * the key again under it, so two pushes of a new key make one record — the second finds the first and
 * updates it. An update names the revision it read, so one that raced another starts over.
 */
export async function upsertRecord(
  store: Store,
  formId: string,
  keyField: string,
  data: Record<string, unknown>,
  writer: RecordWriter,
  /** Whose records the lookup may find (the caller's scope); undefined = everyone's. */
  ownerIds: readonly string[] | undefined,
  /** Checks the caller may change the record found (throws if not) and gives the data to write to it. */
  forExisting: (existing: StoredRecord) => Promise<Record<string, unknown>> = async () => data,
): Promise<UpsertOutcome> {
  const key = readPath(data, keyField);
  if (key !== undefined && key !== null && typeof key !== 'string' && typeof key !== 'number')
    throw new ApiError(422, 'invalid', {
      'zh-CN': `键字段 ${keyField} 的值须是文本或数字`,
      en: `the key field ${keyField} must hold text or a number`,
    });
  if (key === undefined || key === null)
    return { outcome: 'inserted', record: await store.records.insert(formId, data, writer) };
  const lockKey = JSON.stringify([formId, keyField, key]);
  const find = async (records: RecordStore) =>
    (
      await records.list(formId, {
        filter: equalsFormula(keyField, key),
        limit: 1,
        ...(ownerIds ? { ownerIds } : {}),
      })
    ).records[0];
  return oneAtATime(store, lockKey, async () => {
    for (let tries = 1; ; tries++) {
      let existing = await find(store.records);
      if (!existing) {
        const written = await store.transaction(async (tx) => {
          await tx.lock(lockKey);
          const found = await find(tx.records);
          return found ? { found } : { inserted: await tx.records.insert(formId, data, writer) };
        });
        if ('inserted' in written) return { outcome: 'inserted', record: written.inserted };
        existing = written.found;
      }
      const next = await forExisting(existing);
      // Canonical JSON: PostgreSQL's JSONB does not keep key order.
      if (canonicalJson(existing.data) === canonicalJson(next))
        return { outcome: 'unchanged', record: existing };
      try {
        const record = await store.records.update(existing.id, next, {
          actor: writer.actor,
          baseRevision: existing.revision,
        });
        return { outcome: 'updated', record };
      } catch (error) {
        if (tries >= MAX_TRIES || !lostRace(error)) throw error;
      }
    }
  });
}
