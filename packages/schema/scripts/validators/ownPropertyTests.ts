// Generation time only. Whether a key of an object is one its schema names: ajv tests it with
// `func1.call(<the schema's properties>, key)` (Object.prototype.hasOwnProperty) once a schema names
// more than eight properties, and with a chain of `key === "name"` below that. The "valid?" code
// runs this test on every key of every object, and the chain is the cheaper of the two even for the
// longest lists here (about twenty names, the string and number fields of a form's data): a lookup in
// the schema's properties object with a key read from the document costs more than comparing that
// key with constant strings.

/** ajv's test, `func1.call(schemaN…path….properties, keyN)`. */
const OWN_TEST = /func1\.call\((schema\d+)((?:\["[^"]*"\]|\[\d+\]|\.\w+)*)\.properties, (key\d+)\)/g;

/** The schema constants of ajv's standalone code, one per line: `const schemaN = {…};`. */
const SCHEMA_CONST = /^const (schema\d+) = (\{.*\});$/gm;

const HELPER = 'const func1 = Object.prototype.hasOwnProperty;\n';

/** The value at a path of property accesses (`["x-memo-switch"][3].items`) below `value`. */
function at(value: unknown, path: string): unknown {
  let current = value;
  for (const [, bracketed, dotted] of path.matchAll(/\[("[^"]*"|\d+)\]|\.(\w+)/g)) {
    const segment = bracketed === undefined ? dotted : (JSON.parse(bracketed) as string | number);
    current = (current as Record<string | number, unknown> | undefined)?.[segment as string];
  }
  return current;
}

/**
 * ajv's standalone code of a "valid?" validator with each `hasOwnProperty` test of a key against a
 * schema's properties written as a chain of comparisons with the property names, and the helper
 * dropped once nothing calls it. Throws if a test names a schema constant or path it cannot resolve.
 */
export function ownPropertyTests(code: string): string {
  const schemas = new Map<string, unknown>();
  for (const [, name, json] of code.matchAll(SCHEMA_CONST))
    schemas.set(name as string, JSON.parse(json as string));
  const rewritten = code.replace(OWN_TEST, (test, name: string, path: string, key: string) => {
    const properties = (at(schemas.get(name), path) as { properties?: unknown } | undefined)?.properties;
    if (properties === null || typeof properties !== 'object')
      throw new Error(`cannot resolve the properties that ${test} tests against`);
    return `(${Object.keys(properties)
      .map((property) => `(${key} === ${JSON.stringify(property)})`)
      .join(' || ')})`;
  });
  const withoutHelper = rewritten.replace(HELPER, '');
  return withoutHelper.includes('func1') ? rewritten : withoutHelper;
}
