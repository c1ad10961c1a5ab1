import type { ValidationContext } from '../kinds/DefinitionKind.ts';
import { FormCheckMemo } from '../kinds/FormCheckMemo.ts';
import type { ValidationResult } from './issues.ts';
import { SchemaMemo } from './schemaWalk.ts';
import { type Definition, type ValidationMemo, validateDefinitionWith } from './validateDefinition.ts';

/** Validates definitions like validateDefinition, reusing what it learnt from earlier calls. */
export type DefinitionValidator = (
  json: unknown,
  context?: ValidationContext,
) => ValidationResult<Definition>;

/**
 * An incremental validateDefinition for an editor (the designer): it remembers, per object, what it
 * found in the definitions it validated — JSON Schema verdicts per subtree, the field index per field,
 * issues per layout and per list of rules, computed fields and validations, and each formula's
 * analysis — so validating the next version of a definition after one edit re-checks only what the
 * edit touched. The issues are exactly validateDefinition's.
 *
 * Definitions must be immutable: an edit makes new objects along the edited path and keeps every
 * other object as it was (structural sharing). Mutating an object after it was validated makes later
 * answers wrong; use validateDefinition, which keeps nothing, for definitions that may be mutated.
 * Memory: subtree results are held weakly (they go with the definitions), formulas for one call.
 */
export function createDefinitionValidator(): DefinitionValidator {
  const memo: ValidationMemo = {
    heights: new WeakMap(),
    schema: new SchemaMemo(),
    form: new FormCheckMemo(),
  };
  return (json, context = {}) => validateDefinitionWith(json, context, memo);
}
