import { type Node, print } from '@formboard/formula';
import { InvalidRecordError, type Store } from '@formboard/storage';
import { guardedFetch } from '../outbound/guardedFetch.ts';
import type { AllowedHost } from '../outbound/outboundPolicy.ts';
import { type ConnectorConfig, type ConnectorSecrets, valueAtPath } from './connectorConfig.ts';

/** What one run did: counts, and each failed row with its reason. */
export interface ConnectorRunResult {
  readonly fetched: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly errors: readonly { readonly row: number; readonly message: string }[];
}

const ORIGIN = { start: 0, end: 0 };
const MAX_ERRORS = 200;

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

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1) as string] = value;
}

const sameData = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs a pull connector once: fetches (through the outbound guard), finds the rows, maps them to
 * the form's fields, and inserts or — with a dedupe field — updates the matching record. A bad row
 * is counted and reported; it does not stop the others. A failed fetch throws.
 */
export async function runConnector(
  store: Store,
  connector: ConnectorConfig,
  secrets: ConnectorSecrets,
  allowed: readonly AllowedHost[],
): Promise<ConnectorRunResult> {
  const response = await guardedFetch(connector.url, allowed, {
    method: connector.method,
    headers: { ...(connector.body ? { 'content-type': 'application/json' } : {}), ...secrets },
    ...(connector.body ? { body: connector.body } : {}),
  });
  if (response.status < 200 || response.status >= 300)
    throw new Error(`the source answered HTTP ${response.status}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    throw new Error('the source did not answer JSON');
  }
  const rows = valueAtPath(parsed, connector.rowsPath);
  if (!Array.isArray(rows)) throw new Error(`no array of rows at "${connector.rowsPath}"`);
  const counts = { inserted: 0, updated: 0, unchanged: 0, failed: 0 };
  const errors: { row: number; message: string }[] = [];
  const writer = { actor: `connector:${connector.id}`, ownerId: connector.runAs };
  for (const [index, row] of rows.entries()) {
    const data: Record<string, unknown> = {};
    for (const [field, source] of Object.entries(connector.fields)) {
      const value = valueAtPath(row, source);
      if (value !== undefined && value !== null) setPath(data, field, value);
    }
    try {
      const key = connector.dedupeField ? valueAtPath(data, connector.dedupeField) : undefined;
      const existing =
        key === undefined || connector.dedupeField === undefined
          ? undefined
          : (
              await store.records.list(connector.formId, {
                filter: equalsFormula(connector.dedupeField, key),
                limit: 1,
              })
            ).records[0];
      if (!existing) {
        await store.records.insert(connector.formId, data, writer);
        counts.inserted++;
      } else if (sameData(existing.data, data)) counts.unchanged++;
      else {
        await store.records.update(existing.id, data, {
          actor: writer.actor,
          baseRevision: existing.revision,
        });
        counts.updated++;
      }
    } catch (error) {
      counts.failed++;
      const message =
        error instanceof InvalidRecordError
          ? error.issues.map((issue) => `${issue.path}: ${issue.message.en}`).join('; ')
          : (error as Error).message;
      if (errors.length < MAX_ERRORS) errors.push({ row: index + 1, message });
    }
  }
  return { fetched: rows.length, ...counts, errors };
}
