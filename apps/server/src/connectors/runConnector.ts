import type { LocalizedMessage } from '@formboard/formula';
import { InvalidRecordError, type Store } from '@formboard/storage';
import { guardedFetch } from '../outbound/guardedFetch.ts';
import type { AllowedHost } from '../outbound/outboundPolicy.ts';
import { readPath, writePath } from '../records/dataPaths.ts';
import type { ConnectorConfig, ConnectorSecrets } from './connectorConfig.ts';
import { upsertRecord } from './upsertRecord.ts';

/** What one run did: counts, and each failed row with its reason. */
export interface ConnectorRunResult {
  readonly fetched: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly errors: readonly { readonly row: number; readonly message: LocalizedMessage }[];
}

/** A run that could not read its source at all, with the reason in zh-CN and en. */
export class ConnectorFailed extends Error {
  constructor(readonly messages: LocalizedMessage) {
    super(messages.en);
  }
}

/** An error's reason in zh-CN and en: its own when it carries them (refusals, store errors). */
export function reasonOf(error: unknown): LocalizedMessage {
  if (error !== null && typeof error === 'object' && 'messages' in error)
    return error.messages as LocalizedMessage;
  const text = error instanceof Error ? error.message : String(error);
  return { 'zh-CN': text, en: text };
}

const MAX_ERRORS = 200;

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
    throw new ConnectorFailed({
      'zh-CN': `数据源返回了 HTTP ${response.status}`,
      en: `the source answered HTTP ${response.status}`,
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    throw new ConnectorFailed({ 'zh-CN': '数据源返回的不是 JSON', en: 'the source did not answer JSON' });
  }
  const rows = readPath(parsed, connector.rowsPath);
  if (!Array.isArray(rows))
    throw new ConnectorFailed({
      'zh-CN': `在“${connector.rowsPath}”处没有数据行数组`,
      en: `no array of rows at "${connector.rowsPath}"`,
    });
  const counts = { inserted: 0, updated: 0, unchanged: 0, failed: 0 };
  const errors: { row: number; message: LocalizedMessage }[] = [];
  const owner = await store.people.getUser(connector.runAs);
  const writer = { actor: `connector:${connector.id}`, ownerId: owner.id, orgUnitId: owner.orgUnitId };
  for (const [index, row] of rows.entries()) {
    const data: Record<string, unknown> = {};
    for (const [field, source] of Object.entries(connector.fields)) {
      const value = readPath(row, source);
      if (value !== undefined && value !== null) writePath(data, field, value);
    }
    try {
      if (connector.dedupeField)
        counts[
          (await upsertRecord(store, connector.formId, connector.dedupeField, data, writer, undefined))
            .outcome
        ]++;
      else {
        await store.records.insert(connector.formId, data, writer);
        counts.inserted++;
      }
    } catch (error) {
      counts.failed++;
      const message =
        error instanceof InvalidRecordError
          ? {
              'zh-CN': error.issues.map((issue) => `${issue.path}：${issue.message['zh-CN']}`).join('；'),
              en: error.issues.map((issue) => `${issue.path}: ${issue.message.en}`).join('; '),
            }
          : reasonOf(error);
      if (errors.length < MAX_ERRORS) errors.push({ row: index + 1, message });
    }
  }
  return { fetched: rows.length, ...counts, errors };
}
