import { type Node, print } from '@formboard/formula';
import { canonicalJson, type RecordWriter, type Store, type StoredRecord } from '@formboard/storage';
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

// Upserts of the same key run one after another in this process, so two concurrent pushes of one
// key cannot both miss the lookup and insert twice. (Several server processes on PostgreSQL still
// need a database-side lock; see the README.)
const inFlight = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
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

/**
 * Inserts `data`, or updates the live record whose `keyField` has the same value (how an ERP pushes
 * or a connector pulls the same rows again). Unchanged data writes nothing. Validation is the store's.
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
  return oneAtATime(`${formId}\u0000${keyField}\u0000${String(key)}`, async () => {
    const existing =
      key === undefined || key === null
        ? undefined
        : (
            await store.records.list(formId, {
              filter: equalsFormula(keyField, key),
              limit: 1,
              ...(ownerIds ? { ownerIds } : {}),
            })
          ).records[0];
    if (!existing) return { outcome: 'inserted', record: await store.records.insert(formId, data, writer) };
    const next = await forExisting(existing);
    // Canonical JSON: PostgreSQL's JSONB does not keep key order.
    if (canonicalJson(existing.data) === canonicalJson(next))
      return { outcome: 'unchanged', record: existing };
    const record = await store.records.update(existing.id, next, {
      actor: writer.actor,
      baseRevision: existing.revision,
    });
    return { outcome: 'updated', record };
  });
}
