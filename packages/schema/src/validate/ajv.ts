import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { dispatchUnions } from './dispatchUnions.ts';

// Two ajv instances over the same schemas. The quick one stops at the first error and keeps nothing
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

/** A schema's validators: `isValid` answers fast, `explain()` (compiled on first need) reports every error. */
export interface SchemaValidators {
  readonly isValid: ValidateFunction;
  readonly explain: () => ValidateFunction;
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
    validators = {
      isValid: quick.compile(dispatched),
      explain: () => (explain ??= explaining.compile(dispatched)),
    };
    compiled.set(schema, validators);
  }
  return validators;
}
