import type { StoredRecord } from './types.ts';

/** A row of the records table as the drivers return it. */
export type RecordRow = {
  id: string;
  form_id: string;
  form_version: number;
  data: string | Record<string, unknown>;
  owner_id: string;
  org_unit_id: string | null;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  deleted_at: string | null;
};

/** SQLite returns JSON columns as text; PostgreSQL's JSONB arrives parsed. */
export const json = (value: string | Record<string, unknown>): Record<string, unknown> =>
  typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : value;

/** A stored record from its row. */
export function toRecord(row: RecordRow): StoredRecord {
  return {
    id: row.id,
    formId: row.form_id,
    formVersion: Number(row.form_version),
    data: json(row.data),
    ownerId: row.owner_id,
    orgUnitId: row.org_unit_id,
    revision: Number(row.revision),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    deletedAt: row.deleted_at,
  };
}

/** The columns a new record is inserted with, in the order of `recordValues`. */
export const RECORD_COLUMNS = [
  'id',
  'form_id',
  'form_version',
  'data',
  'owner_id',
  'org_unit_id',
  'revision',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const;

/** A new record's values for RECORD_COLUMNS. */
export function recordValues(r: StoredRecord): unknown[] {
  return [
    r.id,
    r.formId,
    r.formVersion,
    JSON.stringify(r.data),
    r.ownerId,
    r.orgUnitId,
    r.revision,
    r.createdAt,
    r.createdBy,
    r.updatedAt,
    r.updatedBy,
  ];
}
