/** A stored form submission. */
export interface StoredRecord {
  readonly id: string;
  readonly formId: string;
  /** The definition version the record was entered (and is validated) with. */
  readonly formVersion: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly ownerId: string;
  readonly orgUnitId: string | null;
  /** 1 on creation, +1 on every change. */
  readonly revision: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly deletedAt: string | null;
}

/** One entry of a record's history: its values after a change. */
export interface RecordRevision {
  readonly revision: number;
  readonly operation: 'create' | 'update' | 'delete';
  readonly data: Readonly<Record<string, unknown>>;
  readonly changedAt: string;
  readonly changedBy: string;
}

/** Options of `records.list`. */
export interface RecordQuery {
  /** A formula over the record's fields, e.g. `status = "submitted" AND score < 60`. */
  readonly filter?: string;
  readonly sort?: readonly { readonly field: string; readonly direction?: 'asc' | 'desc' }[];
  readonly offset?: number;
  readonly limit?: number;
  readonly ownerIds?: readonly string[];
  readonly includeDeleted?: boolean;
}
