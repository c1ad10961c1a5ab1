import { type RecordIssue, rollupValue, valueAtPath } from '@formboard/schema';
import { appendAudit } from '../audit/AuditLog.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { StoreError } from '../errors.ts';
import { addTypedRows, formLayout, removeTypedRows } from '../layout/formLayouts.ts';
import type { CompiledForms } from '../records/CompiledForms.ts';
import { rememberRevisions } from '../records/rememberRevisions.ts';
import type { StoredRecord } from '../records/types.ts';
import { checkUniqueKeys } from '../unique/uniqueCheck.ts';
import type { RollupGraph, RollupRule } from './RollupGraph.ts';
import { type ChildRow, childRows, liveRecords, withValueAt } from './rollupRows.ts';

type Data = Readonly<Record<string, unknown>>;

/** A record change roll-ups follow: its values before (none for a new record) and after (none once deleted). */
export interface FollowedChange {
  readonly formId: string;
  readonly id: string;
  readonly before?: Data | undefined;
  readonly after?: Data | undefined;
}

/** Who makes the write that roll-ups follow: their revisions carry the same actor and time. */
export interface RollupWriter {
  readonly actor: string;
  readonly at: string;
  /** Whether the revisions go to the workflow outbox (see `RecordWriter.events`). */
  readonly events: boolean;
}

/** A roll-up leaves a record its form's rules refuse: the write that caused it fails. */
export class RollupInvalidError extends StoreError {
  readonly issues: readonly RecordIssue[];
  constructor(formId: string, recordId: string, issues: readonly RecordIssue[]) {
    const first = issues[0];
    super('invalid', {
      'zh-CN': `汇总后 ${formId} 的记录 ${recordId} 无效：${first?.path ?? ''} ${first?.message['zh-CN'] ?? ''}`,
      en: `the roll-up leaves record ${recordId} of ${formId} invalid: ${first?.path ?? ''} ${first?.message.en ?? ''}`,
    });
    this.name = 'RollupInvalidError';
    this.issues = issues;
  }
}

type Rewrite = { readonly record: StoredRecord; readonly data: Record<string, unknown> };

/**
 * The roll-ups of one write, inside its transaction (`Rollups.begin` took the locks): computes a
 * record's own roll-up values, and after the write recomputes the records it points at — then the
 * records those point at — each form once, children before parents. A recomputed record whose values
 * changed gets a new revision like any update: derived by its form version, validated, its history,
 * outbox event, typed row and one audit entry per form; `rewritten` lists them for announcing.
 */
export class RollupScope {
  /** The records this write's roll-ups rewrote, as stored now. */
  readonly rewritten: StoredRecord[] = [];

  constructor(
    private readonly tx: Dialect,
    private readonly graph: RollupGraph,
    private readonly forms: CompiledForms,
    /** The forms whose records this write may recompute, in the graph's order. */
    private readonly affected: readonly string[],
  ) {}

  /**
   * `written` with the roll-up values a record of `formId` (entered with `version`) has now: what
   * the records pointing at it give. Targets its version does not have are left as they are.
   */
  async fill(formId: string, version: number, id: string, written: Data): Promise<Data> {
    if (this.graph.of(formId).length === 0) return written;
    const values = (await this.values(formId, [id])).get(id);
    const fields = await this.forms.fields(this.tx, formId, version);
    let data = written;
    for (const [target, value] of values ?? [])
      if (fields.fields.has(target)) data = withValueAt(data, target, value);
    return data;
  }

  /** Recomputes what `changes` point at, and upward from there. */
  async follow(changes: readonly FollowedChange[], writer: RollupWriter): Promise<void> {
    await this.run(new Map(), changes, writer);
  }

  /** Recomputes every record of `ids` of `formId`, and upward from there (a form's roll-ups changed). */
  async recompute(formId: string, ids: readonly string[], writer: RollupWriter): Promise<void> {
    await this.run(new Map([[formId, new Set(ids)]]), [], writer);
  }

  private async run(
    dirty: Map<string, Set<string>>,
    changes: readonly FollowedChange[],
    writer: RollupWriter,
  ): Promise<void> {
    const mark = (change: FollowedChange) => {
      for (const rule of this.graph.readers(change.formId))
        for (const data of [change.before, change.after]) {
          const id = data && valueAtPath(data, rule.rollup.via);
          if (typeof id !== 'string' || id === '') continue;
          const ids = dirty.get(rule.parent) ?? new Set<string>();
          ids.add(id);
          dirty.set(rule.parent, ids);
        }
    };
    changes.forEach(mark);
    for (const formId of this.affected) {
      const ids = dirty.get(formId);
      if (ids && ids.size > 0)
        for (const change of await this.recomputeForm(formId, ids, writer)) mark(change);
    }
  }

  // One form's records: those asked for, and — when the form rolls up its own tree of records —
  // their ancestors, a layer at a time from the leaves, so each is recomputed once, after its children.
  private async recomputeForm(
    formId: string,
    ids: ReadonlySet<string>,
    writer: RollupWriter,
  ): Promise<FollowedChange[]> {
    const trees = this.graph.of(formId).filter((rule) => rule.rollup.from === formId);
    const records = await liveRecords(this.tx, formId, [...ids]);
    if (trees.length > 0) await this.addAncestors(formId, records, trees);
    const parentsOf = (record: StoredRecord) => treeParents(record, trees, records);
    // A record needs recomputing when it was asked for or one of its children in the tree changed.
    const needed = new Set([...ids].filter((id) => records.has(id)));
    const changed: FollowedChange[] = [];
    const targets = new Set<string>();
    for (const layer of layers(records, parentsOf)) {
      const due = layer.filter((record) => needed.has(record.id));
      if (due.length === 0) continue;
      const values = await this.values(
        formId,
        due.map((r) => r.id),
      );
      const rewrites: Rewrite[] = [];
      for (const record of due) {
        const rewrite = await this.rewrite(formId, record, values.get(record.id), writer, targets);
        if (!rewrite) continue;
        rewrites.push(rewrite);
        for (const parent of parentsOf(record)) needed.add(parent);
      }
      await this.write(formId, rewrites, writer);
      for (const { record, data } of rewrites)
        changed.push({ formId, id: record.id, before: record.data, after: data });
    }
    if (changed.length > 0)
      await appendAudit(
        this.tx,
        {
          actor: writer.actor,
          action: 'record.rollup',
          entityType: 'record',
          entityId: changed.length === 1 ? (changed[0]?.id ?? formId) : formId,
          summary: { formId, count: changed.length, fields: [...targets].sort() },
        },
        writer.at,
      );
    return changed;
  }

  private async addAncestors(
    formId: string,
    records: Map<string, StoredRecord>,
    trees: readonly RollupRule[],
  ): Promise<void> {
    let frontier = [...records.values()];
    while (frontier.length > 0) {
      const missing = new Set<string>();
      for (const record of frontier)
        for (const rule of trees) {
          const parent = valueAtPath(record.data, rule.rollup.via);
          if (typeof parent === 'string' && !records.has(parent)) missing.add(parent);
        }
      if (missing.size === 0) return;
      const found = await liveRecords(this.tx, formId, [...missing]);
      for (const [id, record] of found) records.set(id, record);
      frontier = [...found.values()];
    }
  }

  /** The roll-up values of records of `formId`, by record, then by target (undefined: blank). */
  private async values(formId: string, ids: readonly string[]): Promise<Map<string, Map<string, unknown>>> {
    const byRecord = new Map(ids.map((id) => [id, new Map<string, unknown>()]));
    const read = new Map<string, Map<string, ChildRow['data'][]>>();
    for (const rule of this.graph.of(formId)) {
      const key = `${rule.rollup.from}\n${rule.rollup.via}`;
      let children = read.get(key);
      if (!children) {
        children = new Map();
        for (const row of await childRows(this.tx, rule.rollup.from, rule.rollup.via, ids)) {
          const list = children.get(row.parentId);
          if (list) list.push(row.data);
          else children.set(row.parentId, [row.data]);
        }
        read.set(key, children);
      }
      for (const [id, values] of byRecord)
        values.set(
          rule.rollup.target,
          rollupValue(rule.rollup, children.get(id) ?? [], rule.kind, rule.where),
        );
    }
    return byRecord;
  }

  // The record with its new roll-up values, derived and validated by its own form version; undefined
  // when no value changed (or its version has none of the targets).
  private async rewrite(
    formId: string,
    record: StoredRecord,
    values: ReadonlyMap<string, unknown> | undefined,
    writer: RollupWriter,
    targets: Set<string>,
  ): Promise<Rewrite | undefined> {
    const fields = await this.forms.fields(this.tx, formId, record.formVersion);
    let next: Data | undefined;
    for (const [target, value] of values ?? []) {
      if (!fields.fields.has(target) || Object.is(valueAtPath(record.data, target), value)) continue;
      next = withValueAt(next ?? record.data, target, value);
      targets.add(target);
    }
    if (!next) return undefined;
    const derive = await this.forms.deriver(this.tx, formId, record.formVersion);
    const data = derive
      ? derive(next, {
          recordId: record.id,
          actor: writer.actor,
          ownerId: record.ownerId,
          orgUnitId: record.orgUnitId,
          createdAt: record.createdAt,
          updatedAt: writer.at,
        })
      : { ...next };
    const issues = (await this.forms.validator(this.tx, formId, record.formVersion))(data);
    if (issues.length > 0) throw new RollupInvalidError(formId, record.id, issues);
    return { record, data };
  }

  private async write(formId: string, rewrites: readonly Rewrite[], writer: RollupWriter): Promise<void> {
    if (rewrites.length === 0) return;
    const layout = await formLayout(this.tx, formId);
    // A rolled-up value (or a field computed from it) may be one a uniqueness constraint compares.
    await checkUniqueKeys(
      this.tx,
      this.forms,
      layout,
      rewrites.map(({ record, data }) => ({ id: record.id, data })),
    );
    for (const { record, data } of rewrites) {
      // The locks keep every other writer of this form out, so the revision read is still current.
      const moved = await this.tx.run(
        'UPDATE records SET data = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ? AND revision = ? AND deleted_at IS NULL',
        [JSON.stringify(data), writer.at, writer.actor, record.id, record.revision],
      );
      if (moved.changes !== 1)
        throw new StoreError('conflict', {
          'zh-CN': `汇总时记录 ${record.id} 已被修改，请重试`,
          en: `record ${record.id} changed while its roll-up was computed; try again`,
        });
    }
    await rememberRevisions(
      this.tx,
      formId,
      rewrites.map(({ record, data }) => ({
        id: record.id,
        revision: record.revision + 1,
        operation: 'update',
        data,
      })),
      writer.at,
      writer.actor,
      writer.events,
    );
    const ids = rewrites.map(({ record }) => record.id);
    if (layout) {
      await removeTypedRows(this.tx, layout, ids);
      await addTypedRows(this.tx, layout, ids);
    }
    for (const { record, data } of rewrites)
      this.rewritten.push({
        ...record,
        data,
        revision: record.revision + 1,
        updatedAt: writer.at,
        updatedBy: writer.actor,
      });
  }
}

/** A record's parents in its own form's tree that are among `records`. */
function treeParents(
  record: StoredRecord,
  trees: readonly RollupRule[],
  records: ReadonlyMap<string, StoredRecord>,
): string[] {
  const parents = new Set<string>();
  for (const rule of trees) {
    const parent = valueAtPath(record.data, rule.rollup.via);
    if (typeof parent === 'string' && parent !== record.id && records.has(parent)) parents.add(parent);
  }
  return [...parents];
}

/**
 * The records in layers: each after every layer holding one of its children (Kahn's order), each
 * layer by id. Records in a cycle of parents (bad data) come last, one at a time by id: each is
 * recomputed once per write, so the write ends, but what goes round the cycle may lag a write behind.
 */
function layers(
  records: ReadonlyMap<string, StoredRecord>,
  parentsOf: (record: StoredRecord) => readonly string[],
): StoredRecord[][] {
  const waiting = new Map<string, number>();
  for (const record of records.values())
    for (const parent of parentsOf(record)) waiting.set(parent, (waiting.get(parent) ?? 0) + 1);
  const byId = (a: StoredRecord, b: StoredRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const result: StoredRecord[][] = [];
  const placed = new Set<string>();
  let layer = [...records.values()].filter((r) => !waiting.get(r.id)).sort(byId);
  while (layer.length > 0) {
    result.push(layer);
    const next: StoredRecord[] = [];
    for (const record of layer) {
      placed.add(record.id);
      for (const parent of parentsOf(record)) {
        const left = (waiting.get(parent) ?? 0) - 1;
        waiting.set(parent, left);
        const found = records.get(parent);
        if (left === 0 && found) next.push(found);
      }
    }
    layer = next.sort(byId);
  }
  for (const record of [...records.values()].filter((r) => !placed.has(r.id)).sort(byId))
    result.push([record]);
  return result;
}
