import { randomUUID } from 'node:crypto';
import { type CompiledFormula, evaluate, prepareFormula } from '@formboard/formula';
import {
  compileRecordValidator,
  type FieldIndex,
  type FormDefinition,
  formulaFieldTypes,
  indexFields,
  type RecordIssue,
  type RecordValidator,
} from '@formboard/schema';
import { appendAudit } from '../audit/AuditLog.ts';
import type { DefinitionStore } from '../definitions/DefinitionStore.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { notFound, StoreError } from '../errors.ts';
import { fieldValueSql, type SqlPart } from '../queries/fieldSql.ts';
import { formulaToSql } from '../queries/formulaToSql.ts';
import { changedFields } from './changedFields.ts';
import { compareValues } from './compareValues.ts';
import type { RecordQuery, RecordRevision, StoredRecord } from './types.ts';

type RecordRow = {
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
type HistoryRow = {
  revision: number;
  operation: RecordRevision['operation'];
  data: string | Record<string, unknown>;
  changed_at: string;
  changed_by: string;
};

// SQLite returns JSON columns as text; PostgreSQL's JSONB arrives parsed.
const json = (value: string | Record<string, unknown>): Record<string, unknown> =>
  typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : value;

function toRecord(row: RecordRow): StoredRecord {
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

/** Records that fail their form's rules: nothing was written. `row` is set for bulk inserts (1-based). */
export class InvalidRecordError extends StoreError {
  readonly issues: readonly (RecordIssue & { readonly row?: number })[];
  constructor(issues: InvalidRecordError['issues']) {
    const first = issues[0];
    const where = first?.row === undefined ? '' : `row ${first.row}, `;
    super('invalid', {
      'zh-CN': `记录无效：${first?.row === undefined ? '' : `第 ${first.row} 行，`}${first?.path ?? ''} ${first?.message['zh-CN'] ?? ''}`,
      en: `invalid record: ${where}${first?.path ?? ''} ${first?.message.en ?? ''}`,
    });
    this.name = 'InvalidRecordError';
    this.issues = issues;
  }
}

/** Who writes a record, and whose it is. */
export interface RecordWriter {
  readonly actor: string;
  /** The record's owner (default: the actor). */
  readonly ownerId?: string;
  readonly orgUnitId?: string | null;
}

/** Form submissions: validated against their definition version, every change kept in history. */
export class RecordStore {
  private readonly validators = new Map<string, RecordValidator>();

  constructor(
    private readonly db: Dialect,
    private readonly definitions: DefinitionStore,
    private readonly now: () => string,
  ) {}

  /** Enters a record against the form's published version. */
  async insert(formId: string, data: Record<string, unknown>, writer: RecordWriter): Promise<StoredRecord> {
    const [record] = await this.insertMany(formId, [data], writer);
    return record as StoredRecord;
  }

  /** Enters many records in one transaction (imports): all are written, or none and every problem by row. */
  async insertMany(
    formId: string,
    rows: readonly Record<string, unknown>[],
    writer: RecordWriter,
  ): Promise<StoredRecord[]> {
    const version = await this.publishedVersion(formId);
    const validate = await this.validatorFor(formId, version);
    const issues = rows.flatMap((data, i) => validate(data).map((issue) => ({ ...issue, row: i + 1 })));
    if (issues.length > 0) throw new InvalidRecordError(issues);
    return this.db.transaction(async (tx) => {
      const at = this.now();
      const created: StoredRecord[] = [];
      for (const data of rows) {
        const row: RecordRow = {
          id: randomUUID(),
          form_id: formId,
          form_version: version,
          data,
          owner_id: writer.ownerId ?? writer.actor,
          org_unit_id: writer.orgUnitId ?? null,
          revision: 1,
          created_at: at,
          created_by: writer.actor,
          updated_at: at,
          updated_by: writer.actor,
          deleted_at: null,
        };
        await tx.run(
          'INSERT INTO records (id, form_id, form_version, data, owner_id, org_unit_id, revision, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)',
          [
            row.id,
            formId,
            version,
            JSON.stringify(data),
            row.owner_id,
            row.org_unit_id,
            at,
            writer.actor,
            at,
            writer.actor,
          ],
        );
        await this.remember(tx, row.id, 1, 'create', data, at, writer.actor);
        created.push(toRecord(row));
      }
      await appendAudit(
        tx,
        {
          actor: writer.actor,
          action: rows.length === 1 ? 'record.create' : 'record.import',
          entityType: 'record',
          entityId: rows.length === 1 ? (created[0]?.id ?? '') : formId,
          summary: { formId, formVersion: version, count: rows.length },
        },
        at,
      );
      return created;
    });
  }

  /**
   * Replaces a record's values (validated against the version it was entered with). With
   * `baseRevision`, a record changed in between is a conflict instead of a silent overwrite.
   */
  async update(
    id: string,
    data: Record<string, unknown>,
    change: { actor: string; baseRevision?: number },
  ): Promise<StoredRecord> {
    const current = await this.get(id);
    if (current.deletedAt)
      throw new StoreError('state', { 'zh-CN': `记录 ${id} 已删除`, en: `record ${id} is deleted` });
    const issues = (await this.validatorFor(current.formId, current.formVersion))(data);
    if (issues.length > 0) throw new InvalidRecordError(issues);
    return this.db.transaction(async (tx) => {
      const at = this.now();
      const expected = change.baseRevision ?? current.revision;
      const moved = await tx.run(
        'UPDATE records SET data = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ? AND revision = ? AND deleted_at IS NULL',
        [JSON.stringify(data), at, change.actor, id, expected],
      );
      if (moved.changes !== 1) {
        throw new StoreError('conflict', {
          'zh-CN': `记录 ${id} 已被他人修改，请刷新后再改`,
          en: `record ${id} was changed meanwhile; reload it and try again`,
        });
      }
      await this.remember(tx, id, expected + 1, 'update', data, at, change.actor);
      await appendAudit(
        tx,
        {
          actor: change.actor,
          action: 'record.update',
          entityType: 'record',
          entityId: id,
          summary: {
            formId: current.formId,
            revision: expected + 1,
            changed: changedFields(current.data, data),
          },
        },
        at,
      );
      return { ...current, data, revision: expected + 1, updatedAt: at, updatedBy: change.actor };
    });
  }

  /** Soft-deletes a record: it disappears from lists, its history stays. */
  async delete(id: string, change: { actor: string }): Promise<void> {
    const current = await this.get(id);
    if (current.deletedAt) return;
    await this.db.transaction(async (tx) => {
      const at = this.now();
      await tx.run(
        'UPDATE records SET deleted_at = ?, deleted_by = ?, revision = revision + 1 WHERE id = ?',
        [at, change.actor, id],
      );
      await this.remember(tx, id, current.revision + 1, 'delete', current.data, at, change.actor);
      await appendAudit(
        tx,
        {
          actor: change.actor,
          action: 'record.delete',
          entityType: 'record',
          entityId: id,
          summary: { formId: current.formId },
        },
        at,
      );
    });
  }

  /** A record, deleted ones included. */
  async get(id: string): Promise<StoredRecord> {
    const [row] = await this.db.query<RecordRow>('SELECT * FROM records WHERE id = ?', [id]);
    if (!row) throw notFound(`record ${id}`);
    return toRecord(row);
  }

  /** Every revision of a record, oldest first. */
  async history(id: string): Promise<RecordRevision[]> {
    const rows = await this.db.query<HistoryRow>(
      'SELECT * FROM record_history WHERE record_id = ? ORDER BY revision',
      [id],
    );
    return rows.map((r) => ({
      revision: Number(r.revision),
      operation: r.operation,
      data: json(r.data),
      changedAt: r.changed_at,
      changedBy: r.changed_by,
    }));
  }

  /**
   * Records of a form, newest first, filtered by a formula and sorted by fields. Filters and sorts run
   * over the form's records in memory; paging alone runs in SQL. (Dashboard aggregations compile to SQL.)
   */
  async list(formId: string, query: RecordQuery = {}): Promise<{ total: number; records: StoredRecord[] }> {
    const where = ['form_id = ?'];
    const params: unknown[] = [formId];
    if (!query.includeDeleted) where.push('deleted_at IS NULL');
    if (query.ownerIds) {
      if (query.ownerIds.length === 0) return { total: 0, records: [] };
      where.push(`owner_id IN (${query.ownerIds.map(() => '?').join(', ')})`);
      params.push(...query.ownerIds);
    }
    const filter = query.filter ? await this.filterFor(formId, query.filter) : undefined;
    if (filter?.sql) {
      where.push(filter.sql.sql);
      params.push(...filter.sql.params);
    }
    const base = `FROM records WHERE ${where.join(' AND ')}`;
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    if (!query.sort?.length && (!filter || filter.sql)) {
      const [count] = await this.db.query<{ n: number }>(`SELECT COUNT(*) AS n ${base}`, params);
      const rows = await this.db.query<RecordRow>(
        `SELECT * ${base} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
        [...params, limit, offset],
      );
      return { total: Number(count?.n ?? 0), records: rows.map(toRecord) };
    }
    let records = (
      await this.db.query<RecordRow>(`SELECT * ${base} ORDER BY created_at DESC, id`, params)
    ).map(toRecord);
    if (filter && !filter.sql)
      records = records.filter((r) => evaluate(filter.formula, { data: r.data }) === true);
    for (const { field, direction } of [...(query.sort ?? [])].reverse()) {
      const sign = direction === 'desc' ? -1 : 1;
      records.sort((a, b) => sign * compareValues(a.data[field], b.data[field]));
    }
    return { total: records.length, records: records.slice(offset, offset + limit) };
  }

  /**
   * The list filter: always the checked formula, and its SQL when the formula stays within what
   * compiles to SQL (then the database filters and pages); otherwise records are filtered in memory.
   */
  private async filterFor(
    formId: string,
    source: string,
  ): Promise<{ formula: CompiledFormula; sql: SqlPart | undefined }> {
    const version = await this.definitions.get(formId);
    const index = indexFields((version.content as unknown as FormDefinition).data);
    const fields = formulaFieldTypes(index);
    const prepared = prepareFormula(source, { fields });
    if (!prepared.ok) {
      const first = prepared.issues[0];
      throw new StoreError('invalid', {
        'zh-CN': `筛选公式有误：${first?.messages['zh-CN'] ?? ''}`,
        en: `the filter formula is wrong: ${first?.messages.en ?? ''}`,
      });
    }
    return { formula: prepared.compiled, sql: this.filterSql(source, index) };
  }

  private filterSql(source: string, index: FieldIndex): SqlPart | undefined {
    try {
      return formulaToSql(source, this.db.name, (path) => {
        const info = index.fields.get(path);
        if (
          !info ||
          info.inTable ||
          info.kind === 'table' ||
          info.kind === 'group' ||
          info.kind === 'multiSelect'
        )
          return undefined;
        const document = { document: 'records.data', segments: path.split('.') };
        return {
          expression: fieldValueSql(this.db.name, document, info.kind),
          numeric: info.kind === 'number',
        };
      });
    } catch {
      return undefined;
    }
  }

  private async publishedVersion(formId: string): Promise<number> {
    const info = await this.definitions.getInfo(formId);
    if (info.kind !== 'form')
      throw new StoreError('invalid', { 'zh-CN': `${formId} 不是表单`, en: `${formId} is not a form` });
    if (info.state !== 'published' || info.publishedVersion === null) {
      throw new StoreError('state', {
        'zh-CN': `表单 ${formId} 尚未发布`,
        en: `form ${formId} is not published`,
      });
    }
    return info.publishedVersion;
  }

  private async validatorFor(formId: string, version: number): Promise<RecordValidator> {
    const key = `${formId}@${version}`;
    let validator = this.validators.get(key);
    if (!validator) {
      const definition = await this.definitions.get(formId, version);
      validator = compileRecordValidator(definition.content as unknown as FormDefinition);
      this.validators.set(key, validator);
    }
    return validator;
  }

  private async remember(
    tx: Dialect,
    id: string,
    revision: number,
    operation: RecordRevision['operation'],
    data: unknown,
    at: string,
    actor: string,
  ): Promise<void> {
    await tx.run(
      'INSERT INTO record_history (record_id, revision, operation, data, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)',
      [id, revision, operation, JSON.stringify(data), at, actor],
    );
  }
}
