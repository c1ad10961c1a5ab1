import { type Definition, validateDefinition } from '@formboard/schema';
import { appendAudit } from '../audit/AuditLog.ts';
import { canonicalJson, sha256 } from '../canonicalJson.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { InvalidDefinitionError, notFound, StoreError, VersionConflictError } from '../errors.ts';
import { diffContents } from './diffContents.ts';
import type {
  ChangeInfo,
  DefinitionDiff,
  DefinitionInfo,
  DefinitionState,
  DefinitionVersion,
  SourceComparison,
} from './types.ts';

type VersionRow = {
  definition_id: string;
  version: number;
  content: string;
  hash: string;
  parent_hash: string | null;
  author: string;
  message: string;
  created_at: string;
  restored_from: number | null;
};
type InfoRow = {
  id: string;
  kind: string;
  state: DefinitionState;
  head_version: number;
  published_version: number | null;
  source_id: string | null;
  source_version: number | null;
  created_at: string;
  created_by: string;
};

function toVersion(row: VersionRow): DefinitionVersion {
  return {
    id: row.definition_id,
    version: Number(row.version),
    content: JSON.parse(row.content) as Record<string, unknown>,
    hash: row.hash,
    parentHash: row.parent_hash,
    author: row.author,
    message: row.message,
    createdAt: row.created_at,
    restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
  };
}

function toInfo(row: InfoRow): DefinitionInfo {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    headVersion: Number(row.head_version),
    publishedVersion: row.published_version === null ? null : Number(row.published_version),
    lineage:
      row.source_id === null ? null : { sourceId: row.source_id, sourceVersion: Number(row.source_version) },
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** A definition's id: forms, dashboards and workflows carry one. */
function idOf(definition: Definition): string {
  if (!('id' in definition))
    throw new StoreError('invalid', {
      'zh-CN': '模板包清单不能作为定义保存',
      en: 'a pack manifest is not stored as a definition',
    });
  return definition.id;
}

/**
 * What else changes in the transaction that publishes or archives a definition (the store's typed
 * record tables and board indexes follow published forms and dashboards).
 */
export interface DefinitionEvents {
  /** `actor` is who publishes (the author of the change). */
  published(tx: Dialect, info: DefinitionInfo, version: DefinitionVersion, actor?: string): Promise<void>;
  archived(tx: Dialect, info: DefinitionInfo): Promise<void>;
}

/** Versioned definitions: every save appends a version; nothing is overwritten. */
export class DefinitionStore {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
    private readonly events?: DefinitionEvents,
    /** Work that follows a publication or archiving once it has committed (see `afterDefinitionCommit`). */
    private readonly committed?: (info: DefinitionInfo) => Promise<void>,
    /** Told before each write (create, save, restore, publish, archive): see `store.transaction`. */
    private readonly writing?: () => void,
  ) {}

  /** Runs a write in a transaction of its own (or in the one `db` is). */
  private write<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    this.writing?.();
    return this.db.transaction(work);
  }

  /** Validates a definition with @formboard/schema, or throws InvalidDefinitionError. */
  private validated(json: unknown): Definition {
    const result = validateDefinition(json);
    if (!result.ok) throw new InvalidDefinitionError(result.issues);
    return result.value;
  }

  /** Creates a definition as version 1, in draft state. */
  async create(
    json: unknown,
    change: ChangeInfo,
    lineage?: { sourceId: string; sourceVersion: number },
  ): Promise<DefinitionVersion> {
    const definition = this.validated(json);
    const id = idOf(definition);
    return this.write(async (tx) => {
      const existing = await tx.query('SELECT id FROM definitions WHERE id = ?', [id]);
      if (existing.length > 0)
        throw new StoreError('exists', {
          'zh-CN': `定义 ${id} 已存在`,
          en: `definition ${id} already exists`,
        });
      const at = this.now();
      await tx.run(
        'INSERT INTO definitions (id, kind, state, head_version, published_version, source_id, source_version, created_at, created_by) VALUES (?, ?, ?, 0, NULL, ?, ?, ?, ?)',
        [
          id,
          definition.kind,
          'draft',
          lineage?.sourceId ?? null,
          lineage?.sourceVersion ?? null,
          at,
          change.author,
        ],
      );
      const version = await this.append(tx, id, definition, 0, null, change, at, null);
      await appendAudit(
        tx,
        {
          actor: change.author,
          action: lineage ? 'definition.clone' : 'definition.create',
          entityType: 'definition',
          entityId: id,
          summary: { version: 1, hash: version.hash, ...(lineage ?? {}) },
        },
        at,
      );
      return version;
    });
  }

  /**
   * Appends version N+1. `baseVersion` is the version the author started from: when someone saved in
   * between, nothing is written and a VersionConflictError carries the current version and the diff.
   */
  async save(
    id: string,
    json: unknown,
    options: ChangeInfo & { baseVersion: number },
  ): Promise<DefinitionVersion> {
    const definition = this.validated(json);
    if (idOf(definition) !== id) {
      throw new StoreError('invalid', {
        'zh-CN': `定义的 id 应为 ${id}`,
        en: `the definition's id must be ${id}`,
      });
    }
    return this.write(async (tx) => {
      const info = await this.info(tx, id, true);
      if (info.state === 'archived')
        throw new StoreError('state', { 'zh-CN': `${id} 已归档`, en: `${id} is archived` });
      if (options.baseVersion !== info.headVersion) {
        const diff = await this.diffWith(tx, id, options.baseVersion, info.headVersion);
        throw new VersionConflictError(id, options.baseVersion, info.headVersion, diff.patch, diff.summary);
      }
      const head = await this.version(tx, id, info.headVersion);
      const at = this.now();
      const version = await this.append(tx, id, definition, info.headVersion, head.hash, options, at, null);
      const summary = diffContents(head.content, definition).summary.map((line) => line.en);
      await appendAudit(
        tx,
        {
          actor: options.author,
          action: 'definition.save',
          entityType: 'definition',
          entityId: id,
          summary: { version: version.version, hash: version.hash, changes: summary },
        },
        at,
      );
      return version;
    });
  }

  /** A version (the head when `version` is omitted). */
  async get(id: string, version?: number): Promise<DefinitionVersion> {
    const info = await this.info(this.db, id);
    return this.version(this.db, id, version ?? info.headVersion);
  }

  /** The definition's state. */
  async getInfo(id: string): Promise<DefinitionInfo> {
    return this.info(this.db, id);
  }

  /** Every definition, optionally of one kind. */
  async list(kind?: string): Promise<DefinitionInfo[]> {
    const rows = kind
      ? await this.db.query<InfoRow>('SELECT * FROM definitions WHERE kind = ? ORDER BY id', [kind])
      : await this.db.query<InfoRow>('SELECT * FROM definitions ORDER BY id');
    return rows.map(toInfo);
  }

  /** Versions newest first, a page at a time (content included). */
  async history(
    id: string,
    page: { offset?: number; limit?: number } = {},
  ): Promise<{ total: number; versions: DefinitionVersion[] }> {
    const info = await this.info(this.db, id);
    const rows = await this.db.query<VersionRow>(
      'SELECT * FROM definition_versions WHERE definition_id = ? ORDER BY version DESC LIMIT ? OFFSET ?',
      [id, page.limit ?? 20, page.offset ?? 0],
    );
    return { total: info.headVersion, versions: rows.map(toVersion) };
  }

  /** What changed from version `from` to version `to`. */
  async diff(id: string, from: number, to: number): Promise<DefinitionDiff> {
    return this.diffWith(this.db, id, from, to);
  }

  /** Appends a new version equal to an old one, recording where it came from. */
  async restore(id: string, version: number, change: ChangeInfo): Promise<DefinitionVersion> {
    return this.write(async (tx) => {
      const info = await this.info(tx, id, true);
      const old = await this.version(tx, id, version);
      const head = await this.version(tx, id, info.headVersion);
      const at = this.now();
      const message = change.message ?? `restore version ${version}`;
      const restored = await this.append(
        tx,
        id,
        old.content,
        info.headVersion,
        head.hash,
        { ...change, message },
        at,
        version,
      );
      await appendAudit(
        tx,
        {
          actor: change.author,
          action: 'definition.restore',
          entityType: 'definition',
          entityId: id,
          summary: { version: restored.version, restoredFrom: version },
        },
        at,
      );
      return restored;
    });
  }

  /** Makes a version the one records are entered against. */
  async publish(id: string, version: number, change: ChangeInfo): Promise<DefinitionInfo> {
    return this.afterCommit(
      this.write(async (tx) => {
        const published = await this.version(tx, id, version);
        await tx.run("UPDATE definitions SET state = 'published', published_version = ? WHERE id = ?", [
          version,
          id,
        ]);
        await this.events?.published(tx, await this.info(tx, id), published, change.author);
        await appendAudit(
          tx,
          {
            actor: change.author,
            action: 'definition.publish',
            entityType: 'definition',
            entityId: id,
            summary: { version },
          },
          this.now(),
        );
        return this.info(tx, id);
      }),
    );
  }

  /** Archives a definition: it keeps its versions and records, and takes no new versions. */
  async archive(id: string, change: ChangeInfo): Promise<DefinitionInfo> {
    return this.afterCommit(
      this.write(async (tx) => {
        const info = await this.info(tx, id);
        await tx.run("UPDATE definitions SET state = 'archived' WHERE id = ?", [id]);
        await this.events?.archived(tx, info);
        await appendAudit(
          tx,
          {
            actor: change.author,
            action: 'definition.archive',
            entityType: 'definition',
            entityId: id,
            summary: { from: info.state },
          },
          this.now(),
        );
        return this.info(tx, id);
      }),
    );
  }

  /** A publication's or archiving's outcome, once the `committed` work that follows it is done. */
  private async afterCommit(done: Promise<DefinitionInfo>): Promise<DefinitionInfo> {
    const info = await done;
    await this.committed?.(info);
    return info;
  }

  /**
   * A clone against the template it was copied from: what the copy changed since it was made
   * (`mine`: the source version it came from → the copy's head) and what changed upstream since
   * (`upstream`: that source version → the source's head). Ids are set equal first, so the copy's new
   * id is not a change. Undefined for a definition that is not a copy.
   */
  async compareWithSource(id: string): Promise<SourceComparison | undefined> {
    const info = await this.getInfo(id);
    if (!info.lineage) return undefined;
    const { sourceId, sourceVersion } = info.lineage;
    const sourceInfo = await this.getInfo(sourceId);
    const [copy, cloned, upstream] = await Promise.all([
      this.get(id, info.headVersion),
      this.get(sourceId, sourceVersion),
      this.get(sourceId, sourceInfo.headVersion),
    ]);
    const asCopy = (content: Readonly<Record<string, unknown>>) => ({ ...content, id });
    return {
      sourceId,
      clonedVersion: sourceVersion,
      sourceHeadVersion: sourceInfo.headVersion,
      mine: diffContents(asCopy(cloned.content), copy.content),
      upstream: diffContents(asCopy(cloned.content), asCopy(upstream.content)),
    };
  }

  /** Copies a definition (head or a given version) under a new id, recording its lineage. */
  async clone(
    id: string,
    newId: string,
    change: ChangeInfo & { version?: number },
  ): Promise<DefinitionVersion> {
    const source = await this.get(id, change.version);
    return this.create({ ...source.content, id: newId }, change, {
      sourceId: id,
      sourceVersion: source.version,
    });
  }

  private async append(
    tx: Dialect,
    id: string,
    content: unknown,
    previous: number,
    parentHash: string | null,
    change: ChangeInfo,
    at: string,
    restoredFrom: number | null,
  ): Promise<DefinitionVersion> {
    const text = canonicalJson(content);
    const hash = sha256(text);
    const version = previous + 1;
    await tx.run(
      'INSERT INTO definition_versions (definition_id, version, content, hash, parent_hash, author, message, created_at, restored_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [id, version, text, hash, parentHash, change.author, change.message ?? '', at, restoredFrom],
    );
    // Guarded by the version we read: a concurrent writer that got here first makes this touch no row.
    const moved = await tx.run('UPDATE definitions SET head_version = ? WHERE id = ? AND head_version = ?', [
      version,
      id,
      previous,
    ]);
    if (moved.changes !== 1)
      throw new StoreError('conflict', {
        'zh-CN': `${id} 正被同时修改`,
        en: `${id} is being changed concurrently`,
      });
    return toVersion({
      definition_id: id,
      version,
      content: text,
      hash,
      parent_hash: parentHash,
      author: change.author,
      message: change.message ?? '',
      created_at: at,
      restored_from: restoredFrom,
    });
  }

  /** `lock` holds the row until the transaction ends (PostgreSQL), so concurrent saves queue up. */
  private async info(db: Dialect, id: string, lock = false): Promise<DefinitionInfo> {
    const sql = `SELECT * FROM definitions WHERE id = ?${lock && db.name === 'postgres' ? ' FOR UPDATE' : ''}`;
    const [row] = await db.query<InfoRow>(sql, [id]);
    if (!row) throw notFound(`definition ${id}`);
    return toInfo(row);
  }

  private async version(db: Dialect, id: string, version: number): Promise<DefinitionVersion> {
    const [row] = await db.query<VersionRow>(
      'SELECT * FROM definition_versions WHERE definition_id = ? AND version = ?',
      [id, version],
    );
    if (!row) throw notFound(`version ${version} of ${id}`);
    return toVersion(row);
  }

  private async diffWith(db: Dialect, id: string, from: number, to: number): Promise<DefinitionDiff> {
    const a = await this.version(db, id, from);
    const b = await this.version(db, id, to);
    return { from, to, ...diffContents(a.content, b.content) };
  }
}
