import { canonicalJson, sha256 } from '../canonicalJson.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { verifyAuditInPostgres } from './verifyAuditInPostgres.ts';

/** What is recorded about one change. */
export interface AuditInput {
  readonly actor: string;
  /** "definition.save", "record.update", "user.create"… */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /** A small before/after summary (never the whole record). */
  readonly summary: Readonly<Record<string, unknown>>;
}

/** An entry of the audit log, as stored. */
export interface AuditEntry extends AuditInput {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The result of checking the hash chain. */
export type AuditVerification =
  | { readonly ok: true; readonly entries: number }
  | {
      readonly ok: false;
      readonly entries: number;
      readonly brokenAt: number;
      readonly reason: 'hash' | 'link';
    };

const GENESIS = '0'.repeat(64);
// Appends take this PostgreSQL advisory lock inside their transaction so the chain stays a chain when
// several servers write at once. SQLite serialises writers already.
const AUDIT_LOCK = 4_242_002;

/** What an entry's hash covers besides the previous hash: the entry as stored, summary aside. */
type HashedFields = Pick<AuditEntry, 'at' | 'actor' | 'action' | 'entityType' | 'entityId'>;

/**
 * The canonical JSON of an entry — `canonicalJson({ at, actor, action, entityType, entityId, summary })`,
 * keys in sorted order — written from its fields and its summary's canonical text as stored, so that
 * verifying the chain hashes the stored text instead of parsing and re-canonicalising every summary.
 */
export function entryText(fields: HashedFields, summaryText: string): string {
  const text = JSON.stringify;
  return `{"action":${text(fields.action)},"actor":${text(fields.actor)},"at":${text(fields.at)},"entityId":${text(fields.entityId)},"entityType":${text(fields.entityType)},"summary":${summaryText}}`;
}

const entryHash = (prevHash: string, fields: HashedFields, summaryText: string): string =>
  sha256(`${prevHash}\n${entryText(fields, summaryText)}`);

type AuditRow = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  prev_hash: string;
  hash: string;
};

/** Appends an entry inside the caller's transaction, chained to the previous one. */
export async function appendAudit(tx: Dialect, input: AuditInput, at: string): Promise<AuditEntry> {
  if (tx.name === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(?)', [AUDIT_LOCK]);
  const [last] = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const prevHash = last?.hash ?? GENESIS;
  const body = {
    at,
    actor: input.actor,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    summary: input.summary,
  };
  const summaryText = canonicalJson(input.summary);
  const hash = entryHash(prevHash, body, summaryText);
  const [row] = await tx.query<{ seq: number }>(
    'INSERT INTO audit_log (at, actor, action, entity_type, entity_id, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq',
    [at, input.actor, input.action, input.entityType, input.entityId, summaryText, prevHash, hash],
  );
  return { ...body, seq: Number(row?.seq), prevHash, hash };
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    summary: JSON.parse(row.summary) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A page of the audit log, newest first, optionally for one entity. */
export async function listAudit(
  dialect: Dialect,
  options: { entityType?: string; entityId?: string; limit?: number; beforeSeq?: number } = {},
): Promise<AuditEntry[]> {
  const conditions: [string, unknown][] = [];
  if (options.entityType) conditions.push(['entity_type = ?', options.entityType]);
  if (options.entityId) conditions.push(['entity_id = ?', options.entityId]);
  if (options.beforeSeq !== undefined) conditions.push(['seq < ?', options.beforeSeq]);
  const where = conditions.map(([sql]) => sql);
  const params = conditions.map(([, value]) => value);
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
  return (await dialect.query<AuditRow>(sql, [...params, options.limit ?? 100])).map(fromRow);
}

/** The first broken entry of a page of the chain, or the hash the page ends on. */
function checkPage(
  rows: readonly AuditRow[],
  prevHash: string,
  before: number,
): AuditVerification | { readonly lastHash: string } {
  let last = prevHash;
  for (const [i, row] of rows.entries()) {
    const seq = Number(row.seq);
    const entries = before + i + 1;
    if (row.prev_hash !== last) return { ok: false, entries, brokenAt: seq, reason: 'link' };
    const fields = {
      at: row.at,
      actor: row.actor,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
    };
    if (entryHash(last, fields, row.summary) !== row.hash)
      return { ok: false, entries, brokenAt: seq, reason: 'hash' };
    last = row.hash;
  }
  return { lastHash: last };
}

/**
 * Recomputes the whole chain in order. Names the first entry whose hash does not match its content
 * (`hash`: the row was edited — its summary text included, byte for byte) or whose link does not match
 * the previous entry (`link`: a row was removed or inserted). PostgreSQL hashes in the database
 * (verifyAuditInPostgres.ts, the same text and verdicts); SQLite, in process, a page at a time.
 */
export async function verifyAudit(dialect: Dialect): Promise<AuditVerification> {
  return dialect.name === 'postgres'
    ? verifyAuditInPostgres(dialect, GENESIS)
    : verifyAuditInProcess(dialect);
}

/** The chain checked in this process, `pageSize` rows at a time (SQLite's way; any dialect can run it). */
export async function verifyAuditInProcess(dialect: Dialect, pageSize = 2_000): Promise<AuditVerification> {
  let prevHash = GENESIS;
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = await dialect.query<AuditRow>(
      'SELECT seq, at, actor, action, entity_type, entity_id, summary, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?',
      [after, pageSize],
    );
    const checked = checkPage(rows, prevHash, count);
    if ('ok' in checked) return checked;
    prevHash = checked.lastHash;
    count += rows.length;
    after = Number(rows.at(-1)?.seq);
    if (rows.length < pageSize) return { ok: true, entries: count };
  }
}
