import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { dispatchUnions } from './dispatchUnions.ts';
import { compileMemoized, ONE_SHOT } from './memoizedValidator.ts';

// Two ajv instances over the same schemas. The walking one stops at the first error and answers
// "valid?": its validators have each container subschema compiled apart (memoizedValidator.ts) and
// ask a `SchemaWalk`, passed as `this` (`passContext`), for their verdicts — `ONE_SHOT` for a
// document seen once, a `SchemaMemo` for the incremental validator (createDefinitionValidator), which
// remembers verdicts per object. The explaining one runs only on invalid documents: every error
// (`allErrors`), with each error's schema and data (`verbose`) so issues can quote the offending value
// and suggest the property that was meant; `discriminator` keeps union errors precise.
const common = {
  strict: true,
  strictRequired: false,
  allowMatchingProperties: true,
  discriminator: true,
} as const;
const walking = new Ajv2020({ ...common, allErrors: false, passContext: true });
const explaining = new Ajv2020({ ...common, allErrors: true, verbose: true });

/** A schema's validators: `isValid` answers fast, `explain()` (compiled on first need) reports every error. */
export interface SchemaValidators {
  /** Whether a document is valid (nothing remembered). */
  readonly isValid: (data: unknown) => boolean;
  readonly explain: () => ValidateFunction;
  /** The "valid?" validator, to call as `walking().call(walk, data)` with a `SchemaWalk` (or a `SchemaMemo`). */
  readonly walking: () => ValidateFunction;
}

const compiled = new WeakMap<object, SchemaValidators>();

/** The validators of a schema, compiled on first use and kept. */
export function validatorsFor(schema: object): SchemaValidators {
  let validators = compiled.get(schema);
  if (!validators) {
    const dispatched = dispatchUnions(schema) as object;
    // Valid documents are the common case (a published form opening in a browser): compile the
    // explaining validator only when a document fails, halving the first validation's cost.
    let explain: ValidateFunction | undefined;
    let walk: ValidateFunction | undefined;
    const walkingValidator = () => (walk ??= compileMemoized(walking, dispatched));
    validators = {
      isValid: (data) => walkingValidator().call(ONE_SHOT, data) as boolean,
      explain: () => (explain ??= explaining.compile(dispatched)),
      walking: walkingValidator,
    };
    compiled.set(schema, validators);
  }
  return validators;
}
