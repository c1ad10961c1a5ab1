/** What a designer's `toDefinition` gives: the definition, valid, or every problem to show (each linked to its part). */
export type CheckResult<D, P> =
  | { readonly ok: true; readonly definition: D }
  | { readonly ok: false; readonly problems: readonly P[] };
