import { randomUUID } from 'node:crypto';
import { evaluate } from '@formboard/formula';
import type { RecordIssue } from '@formboard/schema';
import { appendAudit } from '../audit/AuditLog.ts';
import type { DefinitionStore } from '../definitions/DefinitionStore.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { insertRows } from '../dialect/insertRows.ts';
import { notFound, StoreError } from '../errors.ts';
import { addTypedRows, removeTypedRows } from '../layout/formLayouts.ts';
import { type RolledUpListener, Rollups, withEmptyRollups } from '../rollups/Rollups.ts';
import { checkUniqueKeys } from '../unique/uniqueCheck.ts';
import { CompiledForms } from './CompiledForms.ts';
import { changedFields } from './changedFields.ts';
import { compareValues } from './compareValues.ts';
import type { RecordDeriver } from './deriveRecord.ts';
import { listFilter } from './listFilter.ts';
import { json, RECORD_COLUMNS, type RecordRow, recordValues, toRecord } from './recordRows.ts';
import { rememberRevisions } from './rememberRevisions.ts';
import type { RecordQuery, RecordRevision, StoredRecord } from './types.ts';

type HistoryRow = {
  revision: number;
  operation: RecordRevision['operation'];
  data: string | Record<string, unknown>;
  changed_at: string;
  changed_by: string;
};

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
  /**
   * `false` writes no record event to the outbox, so no workflow starts from these records: for loads
   * of data that already happened elsewhere (sample data, demo seeds). Default: every write has one.
   */
  readonly events?: boolean;
  /**
   * `false` appends no audit entry for these records: only for writes inside `store.transaction` whose
   * work appends one entry covering them all with `tx.audit` (an import: one entry for all its
   * batches, not one per batch). Default: every write is audited.
   */
  readonly audit?: boolean;
}

/**
 * Form submissions: validated against their definition version, every change kept in history, and
 * the roll-up fields of the records they point at kept in the same transaction (`rollups`).
 */
export class RecordStore {
  private readonly rollups: Rollups;

  constructor(
    private readonly db: Dialect,
    private readonly definitions: DefinitionStore,
    private readonly now: () => string,
    /** Computes the form's derived fields in every record before it is validated (see `openStore`). */
    recordDeriver?: RecordDeriver,
    /** Shared with the definition store's publish hook (`openStore`); by default the store's own. */
    rollups?: Rollups,
  ) {
    this.rollups = rollups ?? new Rollups(new CompiledForms(recordDeriver), now);
  }

  /**
   * Tells `listener` about every record a roll-up rewrites (a key result's change moving its
   * objective), after the write commits, so live views can follow; returns the unsubscribe function.
   */
  onRolledUp(listener: RolledUpListener): () => void {
    return this.rollups.subscribe(listener);
  }

  /** Enters a record against the form's published version (its derived fields computed by the store). */
  async insert(formId: string, data: Record<string, unknown>, writer: RecordWriter): Promise<StoredRecord> {
    const [record] = await this.insertMany(formId, [data], writer);
    return record as StoredRecord;
  }

  /**
   * Enters many records in one transaction (imports): all are written, or none and every problem by
   * row. `owners`, when given, names each row's owner and unit (sample data loads everyone's records
   * at once); otherwise the writer's apply to every row.
   */
  async insertMany(
    formId: string,
    rows: readonly Record<string, unknown>[],
    writer: RecordWriter,
    owners?: readonly { readonly ownerId: string; readonly orgUnitId: string | null }[],
  ): Promise<StoredRecord[]> {
    const version = await this.publishedVersion(formId);
    const validate = await this.rollups.forms.validator(this.db, formId, version);
    const derive = await this.rollups.forms.deriver(this.db, formId, version);
    const form = await this.rollups.forms.definition(this.db, formId, version);
    const at = this.now();
    const ownerId = writer.ownerId ?? writer.actor;
    const orgUnitId = writer.orgUnitId ?? null;
    const created = rows.map((written, index): StoredRecord => {
      const owner = owners?.[index];
      const id = randomUUID();
      const who = owner ?? { ownerId, orgUnitId };
      // Nothing points at a new record yet: its roll-ups start empty, whatever the writer sent.
      const rolled = withEmptyRollups(form, written);
      const data = derive
        ? derive(rolled, { recordId: id, actor: writer.actor, ...who, createdAt: at, updatedAt: at })
        : rolled;
      return {
        id,
        formId,
        formVersion: version,
        data,
        ownerId: who.ownerId,
        orgUnitId: who.orgUnitId,
        revision: 1,
        createdAt: at,
        createdBy: writer.actor,
        updatedAt: at,
        updatedBy: writer.actor,
        deletedAt: null,
      };
    });
    const issues = created.flatMap((record, i) =>
      validate(record.data as Record<string, unknown>).map((issue) => ({ ...issue, row: i + 1 })),
    );
    if (issues.length > 0) throw new InvalidRecordError(issues);
    const events = writer.events !== false;
    return this.rollups.write(this.db, formId, async (tx, layout, rollups) => {
      await checkUniqueKeys(
        tx,
        this.rollups.forms,
        layout,
        created.map((r, i) => ({ ...r, row: i + 1 })),
      );
      await insertRows(tx, 'records', RECORD_COLUMNS, created.map(recordValues));
      await rememberRevisions(
        tx,
        formId,
        created.map((r) => ({ id: r.id, revision: 1, operation: 'create', data: r.data })),
        at,
        writer.actor,
        events,
      );
      if (layout)
        await addTypedRows(
          tx,
          layout,
          created.map((r) => r.id),
        );
      if (writer.audit !== false)
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
      await rollups.follow(
        created.map((r) => ({ formId, id: r.id, after: r.data })),
        { actor: writer.actor, at, events },
      );
      return created;
    });
  }

  /**
   * Replaces a record's values (derived and validated with the version it was entered with; its
   * roll-up fields computed, whatever was sent). With `baseRevision`, a record changed in between —
   * by a person, a workflow or a roll-up — is a conflict instead of a silent overwrite.
   */
  async update(
    id: string,
    written: Record<string, unknown>,
    change: { actor: string; baseRevision?: number },
  ): Promise<StoredRecord> {
    const current = await this.get(id);
    if (current.deletedAt)
      throw new StoreError('state', { 'zh-CN': `记录 ${id} 已删除`, en: `record ${id} is deleted` });
    const at = this.now();
    const derive = await this.rollups.forms.deriver(this.db, current.formId, current.formVersion);
    const validate = await this.rollups.forms.validator(this.db, current.formId, current.formVersion);
    return this.rollups.write(this.db, current.formId, async (tx, layout, rollups) => {
      // Derived and validated inside the transaction: the roll-ups read the records pointing here.
      const rolled = await rollups.fill(current.formId, current.formVersion, id, written);
      const data = derive
        ? derive(rolled, {
            recordId: id,
            actor: change.actor,
            ownerId: current.ownerId,
            orgUnitId: current.orgUnitId,
            createdAt: current.createdAt,
            updatedAt: at,
          })
        : { ...rolled };
      const issues = validate(data);
      if (issues.length > 0) throw new InvalidRecordError(issues);
      await checkUniqueKeys(tx, this.rollups.forms, layout, [{ id, data }]);
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
      await rememberRevisions(
        tx,
        current.formId,
        [{ id, revision: expected + 1, operation: 'update', data }],
        at,
        change.actor,
      );
      if (layout) {
        await removeTypedRows(tx, layout, [id]);
        await addTypedRows(tx, layout, [id]);
      }
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
      // The revision matched, so `current` holds the values this update replaced.
      await rollups.follow([{ formId: current.formId, id, before: current.data, after: data }], {
        actor: change.actor,
        at,
        events: true,
      });
      return { ...current, data, revision: expected + 1, updatedAt: at, updatedBy: change.actor };
    });
  }

  /** Soft-deletes a record: it disappears from lists, its history stays. */
  async delete(id: string, change: { actor: string }): Promise<void> {
    const current = await this.get(id);
    if (current.deletedAt) return;
    await this.rollups.write(this.db, current.formId, async (tx, layout, rollups) => {
      const at = this.now();
      // The values as deleted (read under the lock), for the roll-ups of what the record pointed at.
      const [deleted] = await tx.query<{ data: RecordRow['data'] }>(
        'UPDATE records SET deleted_at = ?, deleted_by = ?, revision = revision + 1 WHERE id = ? RETURNING data',
        [at, change.actor, id],
      );
      await rememberRevisions(
        tx,
        current.formId,
        [{ id, revision: current.revision + 1, operation: 'delete', data: current.data }],
        at,
        change.actor,
      );
      if (layout) await removeTypedRows(tx, layout, [id]);
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
      const before = deleted ? json(deleted.data) : current.data;
      await rollups.follow([{ formId: current.formId, id, before }], {
        actor: change.actor,
        at,
        events: true,
      });
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
    const filter = query.filter
      ? listFilter(this.db.name, await this.definitions.get(formId), query.filter)
      : undefined;
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
}
