import type { LocalizedMessage } from '@formboard/formula';

/** One problem in a definition, located by a JSON pointer, in zh-CN and en. */
export interface DefinitionIssue {
  /** RFC 6901 JSON pointer to the offending value: "/layout/nodes/n3/path". */
  readonly pointer: string;
  /** Stable machine-readable code: "schema.required", "formula.unknownField", "layout.unknownPath"… */
  readonly code: string;
  readonly message: LocalizedMessage;
  /** The offending value, when there is one. */
  readonly value?: unknown;
}

/** A definition that passed validation, typed; or every problem found. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly DefinitionIssue[] };

/** Collects issues during the semantic checks. */
export type Report = (pointer: string, code: string, message: LocalizedMessage, value?: unknown) => void;

/** One JSON pointer segment with "~" and "/" escaped (RFC 6901); most keys need no escaping. */
export function pointerSegment(segment: string | number): string {
  const text = typeof segment === 'string' ? segment : String(segment);
  // One pass over the text, as most segments (field names, ids) need no escaping.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 126 || code === 47) return text.replace(/~/g, '~0').replace(/\//g, '~1'); // ~ or /
  }
  return text;
}

/** Builds a JSON pointer from path segments, escaping "~" and "/" (RFC 6901). */
export function pointer(...segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) out += `/${pointerSegment(segment)}`;
  return out;
}

/** Collects issues into an array; `report` is handed to the checks. */
export function issueCollector(): { issues: DefinitionIssue[]; report: Report } {
  const issues: DefinitionIssue[] = [];
  const report: Report = (at, code, message, value) => {
    issues.push(value === undefined ? { pointer: at, code, message } : { pointer: at, code, message, value });
  };
  return { issues, report };
}
