import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

// One ajv instance for the definition meta-schemas. `verbose` keeps each error's schema and data so
// issues can quote the offending value and suggest the property that was meant; `discriminator`
// makes node and widget unions report the errors of the branch named by `type` only.
const ajv = new Ajv2020({
  allErrors: true,
  verbose: true,
  strict: true,
  strictRequired: false,
  allowMatchingProperties: true,
  discriminator: true,
});

const compiled = new WeakMap<object, ValidateFunction>();

/** The compiled validator of a schema, compiled on first use and kept. */
export function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
