import type { LocalizedMessage } from '@formboard/formula';
import type { DefinitionIssue } from '../validate/issues.ts';
import { type JsonObject, MigrationRefused, type MigrationSequence, migrationId } from './Migration.ts';
import { MIGRATION_SEQUENCES } from './sequences.ts';

/**
 * The outcome of migrating a document. `value` is the upgraded copy, or the input itself when it was
 * already current (never mutated either way); on refusal it is the untouched input. `applied` lists the
 * ids of the steps that ran ("form/2").
 */
export type MigrationResult =
  | { readonly ok: true; readonly value: unknown; readonly applied: readonly string[] }
  | {
      readonly ok: false;
      readonly value: unknown;
      readonly applied: readonly string[];
      /** Why the document cannot be opened, in the same format as validation issues. */
      readonly issue: DefinitionIssue;
    };

/** Upgrades a definition of any older schemaVersion to the current one of its kind. */
export type Migrate = (json: unknown) => MigrationResult;

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A migrator over the given sequences (one per kind). Documents that are not objects, or whose kind
 * has no sequence, pass through untouched: saying what is wrong with them is validation's job.
 */
export function createMigrator(sequences: readonly MigrationSequence[]): Migrate {
  const byKind = new Map<string, MigrationSequence>();
  for (const sequence of sequences) {
    if (byKind.has(sequence.kind)) throw new Error(`two migration sequences for ${sequence.kind}`);
    byKind.set(sequence.kind, sequence);
  }

  return (json) => {
    const sequence = isObject(json) && typeof json.kind === 'string' ? byKind.get(json.kind) : undefined;
    if (!isObject(json) || !sequence) return { ok: true, value: json, applied: [] };
    const { kind, version: current, migrations } = sequence;
    const applied: string[] = [];
    const refuse = (issue: DefinitionIssue): MigrationResult => ({ ok: false, value: json, applied, issue });

    if (!Object.hasOwn(json, 'schemaVersion')) {
      return refuse({
        pointer: '',
        code: 'migration.missingVersion',
        message: {
          'zh-CN': `缺少 schemaVersion：无法确定这个 ${kind} 定义的格式版本（当前为 ${current}）`,
          en: `missing schemaVersion: cannot tell which format version this ${kind} definition uses (current: ${current})`,
        },
      });
    }
    const version = json.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
      return refuse({
        pointer: '/schemaVersion',
        code: 'migration.invalidVersion',
        message: {
          'zh-CN': `schemaVersion 应为不小于 0 的整数（当前版本为 ${current}），而不是${preview(version)['zh-CN']}`,
          en: `schemaVersion must be a whole number ≥ 0 (the current version is ${current}), not ${preview(version).en}`,
        },
        value: version,
      });
    }
    if (version === current) return { ok: true, value: json, applied };
    if (version > current) {
      return refuse({
        pointer: '/schemaVersion',
        code: 'migration.newerVersion',
        message: {
          'zh-CN': `这个 ${kind} 定义的 schemaVersion 为 ${version}，比本引擎支持的版本（${current}）更新；请先升级 Formboard 再打开，以免丢失内容`,
          en: `this ${kind} definition has schemaVersion ${version}, newer than this engine supports (${current}); upgrade Formboard to open it without losing anything`,
        },
        value: version,
      });
    }
    const start = migrations.findIndex((m) => m.from === version);
    if (start === -1) {
      const oldest = migrations[0]?.from ?? current;
      return refuse({
        pointer: '/schemaVersion',
        code: 'migration.unsupportedVersion',
        message: {
          'zh-CN': `无法升级 schemaVersion 为 ${version} 的 ${kind} 定义：本引擎只能打开版本 ${oldest} 到 ${current}`,
          en: `cannot upgrade a ${kind} definition from schemaVersion ${version}: this engine opens versions ${oldest} to ${current}`,
        },
        value: version,
      });
    }

    let document: JsonObject;
    try {
      document = structuredClone(json);
    } catch (error) {
      return refuse(failure(kind, migrationId({ kind, to: version + 1 }), error));
    }
    for (const migration of migrations.slice(start)) {
      const id = migrationId(migration);
      try {
        const next = migration.up(document);
        if (!isObject(next)) throw new TypeError(`${id} returned ${next === null ? 'null' : typeof next}`);
        next.schemaVersion = migration.to;
        document = next;
      } catch (error) {
        if (error instanceof MigrationRefused) {
          const { pointer, messages, value } = error;
          const issue = { pointer, code: 'migration.refused', message: messages };
          return refuse(value === undefined ? issue : { ...issue, value });
        }
        return refuse(failure(kind, id, error));
      }
      applied.push(id);
    }
    return { ok: true, value: document, applied };
  };
}

// A short description of a wrong value; never JSON.stringify it whole (it may be huge or nested
// thousands deep, which would overflow the stack).
function preview(value: unknown): LocalizedMessage {
  if (Array.isArray(value)) return { 'zh-CN': '数组', en: 'an array' };
  if (value !== null && typeof value === 'object') return { 'zh-CN': '对象', en: 'an object' };
  const text =
    typeof value === 'string'
      ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
      : String(value);
  return { 'zh-CN': ` ${text}`, en: text };
}

// A migration that crashed is a bug in the engine, not in the document: say which one, never throw.
function failure(kind: string, id: string, error: unknown): DefinitionIssue {
  return {
    pointer: '',
    code: 'migration.failed',
    message: {
      'zh-CN': `升级 ${kind} 定义时出错（${id}）：${String(error)}`,
      en: `upgrading the ${kind} definition failed (${id}): ${String(error)}`,
    },
  };
}

/** Upgrades a definition to the current schemaVersion of its kind; run on every load and import. */
export const migrate: Migrate = createMigrator(MIGRATION_SEQUENCES);
