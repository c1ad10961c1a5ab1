import type { LocalizedMessage } from '@formboard/formula';
import { InvalidRecordError, type Store } from '@formboard/storage';
import { guardedFetch, type OutboundResponse } from '../outbound/guardedFetch.ts';
import { type AllowedHost, OutboundRefused } from '../outbound/outboundPolicy.ts';
import { readPath, writePath } from '../records/dataPaths.ts';
import type { ConnectorConfig, ConnectorSecrets } from './connectorConfig.ts';
import { upsertRecord } from './upsertRecord.ts';

/** Why a row failed: a code for programs, the reason in zh-CN and en, the fields at fault when known. */
export interface ConnectorRowError {
  readonly row: number;
  readonly code: string;
  readonly message: LocalizedMessage;
  readonly fields?: readonly string[];
}

/** What one run did: counts, and each failed row with its reason. */
export interface ConnectorRunResult {
  readonly fetched: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly errors: readonly ConnectorRowError[];
}

/** A run that could not read its source at all: a code and the reason in zh-CN and en. */
export class ConnectorFailed extends Error {
  constructor(
    readonly code: string,
    readonly messages: LocalizedMessage,
  ) {
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

/** An error's code: its own (API, store and connector errors), `outboundRefused`, else `failed`. */
export function codeOf(error: unknown): string {
  if (error instanceof OutboundRefused) return 'outboundRefused';
  if (error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  return 'failed';
}

/** Fetches the source through the outbound guard; a connection that fails is worded in both languages. */
async function fetchSource(
  connector: ConnectorConfig,
  secrets: ConnectorSecrets,
  allowed: readonly AllowedHost[],
): Promise<OutboundResponse> {
  try {
    return await guardedFetch(connector.url, allowed, {
      method: connector.method,
      headers: { ...(connector.body ? { 'content-type': 'application/json' } : {}), ...secrets },
      ...(connector.body ? { body: connector.body } : {}),
    });
  } catch (error) {
    if (error instanceof OutboundRefused) throw error;
    // Node's reason: a system code (ECONNREFUSED, ENOTFOUND…) or the guard's own text (a timeout, too large).
    const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConnectorFailed('unreachable', {
      'zh-CN': `无法从数据源读取（${detail}）`,
      en: `could not read from the source (${detail})`,
    });
  }
}

/** A failed row's error: the record's problems field by field, or the error's own reason. */
function rowError(row: number, error: unknown): ConnectorRowError {
  if (error instanceof InvalidRecordError)
    return {
      row,
      code: error.code,
      message: {
        'zh-CN': error.issues.map((issue) => `${issue.path}：${issue.message['zh-CN']}`).join('；'),
        en: error.issues.map((issue) => `${issue.path}: ${issue.message.en}`).join('; '),
      },
      fields: [...new Set(error.issues.map((issue) => issue.path))],
    };
  return { row, code: codeOf(error), message: reasonOf(error) };
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
  const response = await fetchSource(connector, secrets, allowed);
  if (response.status < 200 || response.status >= 300)
    throw new ConnectorFailed('sourceStatus', {
      'zh-CN': `数据源返回了 HTTP ${response.status}`,
      en: `the source answered HTTP ${response.status}`,
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    throw new ConnectorFailed('notJson', {
      'zh-CN': '数据源返回的不是 JSON',
      en: 'the source did not answer JSON',
    });
  }
  const rows = readPath(parsed, connector.rowsPath);
  if (!Array.isArray(rows))
    throw new ConnectorFailed('noRows', {
      'zh-CN': `在“${connector.rowsPath}”处没有数据行数组`,
      en: `no array of rows at "${connector.rowsPath}"`,
    });
  const counts = { inserted: 0, updated: 0, unchanged: 0, failed: 0 };
  const errors: ConnectorRowError[] = [];
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
      if (errors.length < MAX_ERRORS) errors.push(rowError(index + 1, error));
    }
  }
  return { fetched: rows.length, ...counts, errors };
}
