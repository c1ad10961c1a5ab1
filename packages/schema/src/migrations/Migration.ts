import type { LocalizedMessage } from '@formboard/formula';

/** A definition document while it is being migrated: a plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** One step that upgrades documents of one kind from schemaVersion `from` to `to` (always from + 1). */
export interface Migration {
  readonly kind: string;
  readonly from: number;
  readonly to: number;
  /** What changed, in a sentence, for logs and reviews. */
  readonly description: string;
  /**
   * Upgrades a private copy of the document (change it in place and return it, or return a new object).
   * Every value must survive — moved, renamed or converted, never dropped; when that is impossible, throw
   * `MigrationRefused`. The migrator sets `schemaVersion` to `to` afterwards.
   */
  readonly up: (definition: JsonObject) => JsonObject;
}

/** The ordered migrations of one kind, ending at the kind's current schemaVersion (tldraw's model). */
export interface MigrationSequence {
  readonly kind: string;
  /** The current schemaVersion of this kind: what every older document is upgraded to. */
  readonly version: number;
  /** Contiguous steps, oldest first; documents older than the first step's `from` cannot be opened. */
  readonly migrations: readonly Migration[];
}

/** Thrown by a migration's `up` when a document cannot be upgraded without losing data. */
export class MigrationRefused extends Error {
  /** JSON pointer, in the document being migrated, to the value that cannot be carried over. */
  readonly pointer: string;
  readonly messages: LocalizedMessage;
  readonly value: unknown;

  constructor(pointer: string, messages: LocalizedMessage, value?: unknown) {
    super(messages.en);
    this.name = 'MigrationRefused';
    this.pointer = pointer;
    this.messages = messages;
    this.value = value;
  }
}

/** The stable id of a migration, `kind/to` (as tldraw's `sequenceId/version`): "form/2". */
export function migrationId(migration: Pick<Migration, 'kind' | 'to'>): string {
  return `${migration.kind}/${migration.to}`;
}

/**
 * Builds the migration sequence of one kind and checks it is well formed — every step of this kind,
 * one version at a time, no gaps or repeats, the last one reaching `version` — so a mistake fails at
 * startup and in tests rather than on a user's document. Steps may be given in any order.
 */
export function createMigrationSequence(options: {
  readonly kind: string;
  readonly version: number;
  readonly migrations: readonly Migration[];
}): MigrationSequence {
  const { kind, version } = options;
  const fail = (why: string): never => {
    throw new Error(`invalid migration sequence for ${kind}: ${why}`);
  };
  if (!Number.isInteger(version) || version < 0) fail(`version ${version} is not an integer ≥ 0`);
  const migrations = [...options.migrations].sort((a, b) => a.from - b.from);
  migrations.forEach((migration, i) => {
    const id = migrationId(migration);
    if (migration.kind !== kind) fail(`${id} belongs to ${migration.kind}`);
    if (!Number.isInteger(migration.from) || migration.from < 0) fail(`${id} starts at ${migration.from}`);
    if (migration.to !== migration.from + 1) fail(`${id} goes from ${migration.from} to ${migration.to}`);
    const next = migrations[i + 1];
    if (next && next.from !== migration.to) {
      fail(`${id} is followed by a migration from ${next.from}, not ${migration.to}`);
    }
  });
  const last = migrations.at(-1);
  if (last && last.to !== version) fail(`the last migration reaches ${last.to}, not version ${version}`);
  return Object.freeze({ kind, version, migrations: Object.freeze(migrations) });
}
