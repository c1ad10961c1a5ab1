// Generation time only. JSON Schema counts a string's length in code points, and ajv's code counts
// them for every `minLength`/`maxLength` with its `ucs2length`, a loop over the whole string (every
// formula of a form is counted twice, for its minimum and its maximum). A string's `.length` counts
// UTF-16 units, between one and two per code point, which settles most comparisons without the loop:
// a string whose `.length` is within a maximum is within it, and an empty one is the only one
// shorter than 1.

/** ajv's alias of the helper in its standalone code: `const funcN = require("…/ucs2length").default;`. */
const ALIAS = /^const (func\d+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;$/m;

/**
 * ajv's standalone code of a "valid?" validator with each comparison of `ucs2length(x)` with a
 * limit done on `x.length` first, the code points counted only when that cannot decide. The answers
 * are exactly ajv's.
 */
export function stringLengths(code: string): string {
  const alias = ALIAS.exec(code)?.[1];
  if (!alias) return code;
  const comparison = new RegExp(`\\b${alias}\\((data\\d*)\\) ([<>]) (\\d+)\\b`, 'g');
  return code.replace(comparison, (whole, data: string, op: string, limit: string) => {
    const n = Number(limit);
    if (op === '>') return `(${data}.length > ${n} && ${whole})`;
    // Shorter than n code points: certainly when under n units, never when 2n units or more.
    return n === 1 ? `${data}.length < 1` : `(${data}.length < ${2 * n} && ${whole})`;
  });
}
