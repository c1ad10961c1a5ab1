import type { FormDefinition } from '@formboard/schema';

/** What a record's derived values may read about the write: `$user`, `$record`, `$today`/`$now`. */
export interface DeriveContext {
  readonly recordId: string;
  /** Who writes (`$user.id`): a person, or `workflow:<effect key>` for a workflow step. */
  readonly actor: string;
  readonly ownerId: string;
  readonly orgUnitId: string | null;
  readonly createdAt: string;
  /** The time of this write (ISO text), also the formulas' "now". */
  readonly updatedAt: string;
}

/** Gives the record to store for the values a writer sent: computed fields set, hidden ones left out. */
export type DeriveRecord = (
  data: Readonly<Record<string, unknown>>,
  context: DeriveContext,
) => Record<string, unknown>;

/**
 * Compiles a form version's `DeriveRecord` (once: the store caches it per form version). The host
 * brings it — the server passes @formboard/form-runtime's headless engine — so the store runs the
 * browser's own formula code without depending on the form runtime.
 */
export type RecordDeriver = (form: FormDefinition) => DeriveRecord;
