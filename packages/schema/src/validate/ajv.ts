import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { dispatchUnions } from './dispatchUnions.ts';
import { compileMemoized } from './memoizedValidator.ts';

// Three ajv instances over the same schemas. The quick one stops at the first error and keeps nothing
// extra: it answers "valid?" for the common case. The explaining one runs only on invalid documents:
// every error (`allErrors`), with each error's schema and data (`verbose`) so issues can quote the
// offending value and suggest the property that was meant; `discriminator` keeps union errors precise.
const common = {
  strict: true,
  strictRequired: false,
  allowMatchingProperties: true,
  discriminator: true,
} as const;
const quick = new Ajv2020({ ...common, allErrors: false });
const explaining = new Ajv2020({ ...common, allErrors: true, verbose: true });
// The incremental validator's (createDefinitionValidator): like the quick one, with each container
// subschema compiled apart and its verdicts remembered per object (memoizedValidator.ts); `passContext`
// hands it the memo. Compiled on first use only: processes that never edit never pay for it.
const memoizing = new Ajv2020({ ...common, allErrors: false, passContext: true });

/** A schema's validators: `isValid` answers fast, `explain()` (compiled on first need) reports every error. */
export interface SchemaValidators {
  readonly isValid: ValidateFunction;
  readonly explain: () => ValidateFunction;
  /** `isValid` remembering verdicts per object: call it as `memoized().call(schemaMemo, data)`. */
  readonly memoized: () => ValidateFunction;
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
    let memoized: ValidateFunction | undefined;
    validators = {
      isValid: quick.compile(dispatched),
      explain: () => (explain ??= explaining.compile(dispatched)),
      memoized: () => (memoized ??= compileMemoized(memoizing, dispatched)),
    };
    compiled.set(schema, validators);
  }
  return validators;
}
