import type { FormDefinition } from '../schemas/formDefinition.ts';
import type { Report } from '../validate/issues.ts';
import type { KeysOf } from '../validate/schemaWalk.ts';
import type { FormCheckMemo } from './FormCheckMemo.ts';

/** What validation may look up beyond the definition itself: the forms other definitions refer to. */
export interface ValidationContext {
  /** The form with this id, for checking dashboard sources, workflow forms and record references. */
  readonly form?: (id: string) => FormDefinition | undefined;
}

/** One kind of definition: its JSON Schema and its meaning checks. */
export interface DefinitionKind<T> {
  readonly kind: string;
  /** The JSON Schema (as const) its documents must satisfy. */
  readonly schema: object;
  /**
   * Checks beyond the schema; called only for documents the schema accepts. `memo` is given by the
   * incremental validator (createDefinitionValidator) so forms can reuse work between edits.
   */
  readonly check: (
    definition: T,
    report: Report,
    context: ValidationContext,
    memo?: FormCheckMemo,
    keysOf?: KeysOf,
  ) => void;
}
