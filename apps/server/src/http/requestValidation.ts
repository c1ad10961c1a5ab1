import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// Request schemas compile with ajv's draft 2020-12 build, like @formboard/schema's (whose schemas
// some routes reuse). Bodies are never coerced: a "5" where a number belongs is an error with its
// pointer, and unknown properties are errors, not silently dropped. Query strings and path
// parameters are text by nature, so there numbers and booleans are coerced.
const common: Options = {
  strict: true,
  strictRequired: false,
  allowMatchingProperties: true,
  discriminator: true,
  allErrors: true,
  removeAdditional: false,
};

function withFormats(options: Options): Ajv2020 {
  const ajv = new Ajv2020(options);
  addFormats.default(ajv);
  return ajv;
}

/** Installs the validator compilers: strict for bodies, coercing for query strings and params. */
export function installRequestValidation(app: FastifyInstance): void {
  const body = withFormats(common);
  const text = withFormats({ ...common, coerceTypes: 'array', useDefaults: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}
