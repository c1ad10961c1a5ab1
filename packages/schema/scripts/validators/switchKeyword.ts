import { _, type Ajv2020, type Code, type KeywordCxt } from 'ajv/dist/2020.js';
import { and, getProperty, Name, or } from 'ajv/dist/compile/codegen/index.js';
import { checkDataType } from 'ajv/dist/compile/validate/dataType.js';

// Generation time only: the "valid?" validator's form of the if/then/else chains that dispatchUnions.ts
// makes of unions (the kinds of field, of layout node, LocalizedText's string-or-object). ajv validates
// each `if` as a subschema that records its errors and throws them away when it fails: for the 500
// fields of a big form, most of them fail a few `if`s each, and those error objects were much of the
// "valid?" check's garbage. Here each `if` is a plain condition — its schemas are tag tests simple
// enough to say in one expression — and the branches stay ajv's code, inline as before.

type Schema = Readonly<Record<string, unknown>>;

/** The keyword holding a chain's branches: `then` of each test in order, then the last `else`. */
export const SWITCH_KEYWORD = 'x-memo-switch';
/** The keyword holding a chain's tests (the `if` schemas), read by SWITCH_KEYWORD's code. */
const TESTS_KEYWORD = 'x-memo-tests';

const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** ajv's own condition for `type: object`. */
const isObject = (data: Code): Code => _`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;

/**
 * How a test reads the object it tests: whether it is an object, and its properties. By default
 * straight from the data; the chain keyword reads each property its tests name once, before them.
 */
interface Reader {
  readonly isObject: Code;
  read(name: string): Code;
}

const readerOf = (data: Code): Reader => ({
  isObject: isObject(data),
  read: (name) => _`${data}${getProperty(name)}`,
});

/** The condition that a value present at `data` passes `schema` (a const, an enum, or an object test). */
function valueTest(schema: Schema, data: Code): Code | undefined {
  const keys = Object.keys(schema);
  if (keys.length === 1 && 'const' in schema && isScalar(schema.const)) return _`${data} === ${schema.const}`;
  if (
    keys.length === 1 &&
    Array.isArray(schema.enum) &&
    schema.enum.length > 0 &&
    schema.enum.every(isScalar)
  )
    return or(...schema.enum.map((value) => _`${data} === ${value}`));
  return objectTest(schema, data);
}

/**
 * The condition for `{ type: 'object', required?, properties? }` with properties that are tests too,
 * with ajv's meaning: `required` names must not be undefined, `properties` apply to the ones present.
 */
function objectTest(schema: Schema, data: Code, reader = readerOf(data)): Code | undefined {
  if (schema.type !== 'object') return undefined;
  if (Object.keys(schema).some((key) => key !== 'type' && key !== 'required' && key !== 'properties'))
    return undefined;
  const parts = [reader.isObject];
  const required = (schema.required ?? []) as unknown[];
  for (const name of required) {
    if (typeof name !== 'string') return undefined;
    parts.push(_`${reader.read(name)} !== undefined`);
  }
  for (const [name, sub] of Object.entries((schema.properties ?? {}) as Readonly<Record<string, Schema>>)) {
    const value = reader.read(name);
    const test = sub !== null && typeof sub === 'object' ? valueTest(sub, value) : undefined;
    if (!test) return undefined;
    parts.push(_`(${value} === undefined || ${test})`);
  }
  return and(...parts);
}

/** The condition for an `if` schema, or undefined when it is not a tag test this file can say. */
function testCode(
  schema: Schema,
  data: Name,
  strictNumbers: boolean | 'log' | undefined,
  reader?: Reader,
): Code | undefined {
  const keys = Object.keys(schema);
  if (keys.length === 1 && typeof schema.type === 'string' && schema.type !== 'object')
    return checkDataType(schema.type as Parameters<typeof checkDataType>[0], data, strictNumbers);
  return objectTest(schema, data, reader);
}

/** The property names the object tests of a chain read at their top level (`type`, `items`, `$ref`). */
function namesRead(tests: readonly Schema[]): string[] {
  const names = new Set<string>();
  for (const test of tests) {
    if (test.type !== 'object') continue;
    for (const name of (test.required ?? []) as string[]) names.add(name);
    for (const name of Object.keys((test.properties ?? {}) as Schema)) names.add(name);
  }
  return [...names];
}

const PLACEHOLDER = new Name('data');

/** Whether a schema is exactly `{ if, then, else }`. */
const isChainLink = (schema: Schema): boolean =>
  Object.keys(schema).length === 3 && 'if' in schema && 'then' in schema && 'else' in schema;

/**
 * A chain `{ if: t1, then: b1, else: { if: t2, then: b2, else: … last } }` whose tests are all tag tests,
 * as its tests and branches (`last` at the end), or undefined for any other schema.
 */
export function chainParts(schema: Schema): { tests: Schema[]; branches: unknown[] } | undefined {
  const tests: Schema[] = [];
  const branches: unknown[] = [];
  let link = schema;
  while (isChainLink(link)) {
    const test = link.if as Schema;
    // Tried on a placeholder name: the keyword makes the real code where it is used.
    if (typeof test !== 'object' || !testCode(test, PLACEHOLDER, true)) return undefined;
    tests.push(test);
    branches.push(link.then);
    if (link.else === null || typeof link.else !== 'object') return undefined;
    link = link.else as Schema;
  }
  if (tests.length === 0) return undefined;
  branches.push(link);
  return { tests, branches };
}

/** The chain in SWITCH_KEYWORD form, its branches transformed by `transform`. */
export function switchSchema(
  chain: { tests: Schema[]; branches: unknown[] },
  transform: (schema: unknown) => unknown,
): Schema {
  return { [SWITCH_KEYWORD]: chain.branches.map(transform), [TESTS_KEYWORD]: chain.tests };
}

/**
 * Teaches a "valid?" ajv instance the chain keyword: `if (t1) { b1 } else if (t2) { b2 } … else { last }`,
 * each branch validated inline by ajv as `then` / `else` were. Only for instances without `allErrors`
 * (the explaining validator keeps ajv's if/then/else and its errors).
 */
export function addSwitchKeyword(ajv: Ajv2020): void {
  ajv.addKeyword({ keyword: TESTS_KEYWORD, schemaType: 'array' });
  ajv.addKeyword({
    keyword: SWITCH_KEYWORD,
    schemaType: 'array',
    code(cxt: KeywordCxt) {
      const { gen, data, it } = cxt;
      const tests = cxt.parentSchema[TESTS_KEYWORD] as Schema[];
      const branches = cxt.schema as unknown[];
      const valid = gen.let('valid', true);
      const branchValid = gen.name('_valid');
      // Each property the tests name is read once, not once per test: the value tested is of one of
      // dozens of shapes (every kind of field), so each read is one of V8's slowest lookups.
      const names = namesRead(tests);
      let reader: Reader | undefined;
      if (names.length > 0) {
        const tested = gen.const('tested', isObject(data));
        const reads = new Map(
          names.map((name) => [
            name,
            gen.const('read', _`${tested} ? ${data}${getProperty(name)} : undefined`) as Code,
          ]),
        );
        reader = { isObject: tested, read: (name) => reads.get(name) ?? _`${data}${getProperty(name)}` };
      }
      const validateBranch = (i: number) => {
        cxt.subschema({ keyword: SWITCH_KEYWORD, schemaProp: i }, branchValid);
        gen.assign(valid, branchValid);
      };
      tests.forEach((test, i) => {
        const condition = testCode(test, data, it.opts.strictNumbers, reader) as Code;
        if (i === 0) gen.if(condition);
        else gen.elseIf(condition);
        validateBranch(i);
      });
      gen.else();
      validateBranch(branches.length - 1);
      gen.endIf();
      cxt.pass(valid);
    },
  });
}
