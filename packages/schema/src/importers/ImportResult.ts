import type { LocalizedMessage } from '@formboard/formula';
import type { FormDefinition } from '../schemas/formDefinition.ts';

/** Which source document a note points into: the JSON Schema, or the UI schema (rjsf uiSchema, JSON Forms uischema). */
export type ImportSource = 'schema' | 'uiSchema';

/**
 * How much of something survived the import: `dropped` — not carried over at all; `changed` — carried
 * over in another form (renamed, flattened, turned into a rule); `error` — the source is broken or the
 * result failed validation, and that part was left out.
 */
export type ImportSeverity = 'dropped' | 'changed' | 'error';

/** One thing the importer could not carry over as it was, located in the source document. */
export interface ImportNote {
  readonly source: ImportSource;
  /** RFC 6901 JSON pointer into the source document named by `source` ("" is the whole document). */
  readonly pointer: string;
  readonly severity: ImportSeverity;
  /** Stable machine-readable code: "keyword.unsupported", "key.renamed", "rule.condition"… */
  readonly code: string;
  readonly message: LocalizedMessage;
}

/** The outcome of an import: the definition (undefined only when nothing usable came out) and every note. */
export interface ImportResult {
  readonly definition: FormDefinition | undefined;
  readonly report: readonly ImportNote[];
}

/** What an importer needs besides the source documents. */
export interface ImportOptions {
  /** Id of the new form definition (`^[a-z][a-z0-9_-]{0,63}$`). */
  readonly id: string;
  /** Title of the new form; defaults to the schema's title, then the id. */
  readonly title?: FormDefinition['title'];
}
