import equalExport from 'ajv/dist/runtime/equal.js';
import ucs2lengthExport from 'ajv/dist/runtime/ucs2length.js';

// The two helpers of ajv's runtime that the generated validators (src/generated/) call: deep equality
// (`const`, `enum` and `uniqueItems` on objects) and string length in code points (`minLength`,
// `maxLength`). They are small CommonJS modules of ajv, not its compiler.

/**
 * The function a CommonJS module exports as `exports.default`: bundlers (Vite) give it as the default
 * import, Node's ESM loader gives the whole `exports` object.
 */
function commonJsDefault<T>(imported: T): T {
  return typeof imported === 'function' ? imported : (imported as unknown as { readonly default: T }).default;
}

/** Deep equality of JSON values (fast-deep-equal, through ajv). */
export const equal = commonJsDefault(equalExport);
/** The length of a string in Unicode code points, as JSON Schema counts it. */
export const ucs2length = commonJsDefault(ucs2lengthExport);
