import { _, type Ajv2020, type KeywordCxt, type ValidateFunction } from 'ajv/dist/2020.js';

type Schema = Readonly<Record<string, unknown>>;

/**
 * What a validator made by `compileMemoized` asks its `this` for: the verdict of each subschema it
 * compiled apart, and of a map-like object (see `mapValid`). This base class remembers nothing: with
 * it, the validator is a plain one-shot validator (`validateDefinition` uses it so, for a document it
 * sees once); `SchemaMemo` remembers verdicts between calls.
 */
export class SchemaWalk {
  /** The verdict of `validate` (the subschema numbered `id`) on `data`. */
  check(_id: number, validate: ValidateFunction, data: unknown): boolean {
    return validate.call(this, data) as boolean;
  }

  /**
   * `propertyNames: { pattern }` and `additionalProperties` of a map-like object in one pass: every
   * key matches `names` and every value passes subschema `id`. ajv would walk the object once per
   * keyword; walking an object with hundreds of keys is the costly part.
   */
  mapValid(
    names: RegExp,
    id: number,
    validate: ValidateFunction,
    data: Readonly<Record<string, unknown>>,
  ): boolean {
    // ajv's loops use for…in, which also sees inherited enumerable keys; plain JSON objects have none,
    // and then own keys and values read as two arrays are much faster on objects with many keys.
    if (hasInheritedKeys(data)) {
      for (const key in data) if (!this.entryValid(names, key, id, validate, data[key])) return false;
      return true;
    }
    const keys = Object.keys(data);
    const values = Object.values(data);
    for (let i = 0; i < keys.length; i++) {
      if (!this.entryValid(names, keys[i] as string, id, validate, values[i])) return false;
    }
    return true;
  }

  /** Whether a map's key matches its name pattern. */
  protected nameFits(names: RegExp, key: string): boolean {
    return names.test(key);
  }

  private entryValid(
    names: RegExp,
    key: string,
    id: number,
    validate: ValidateFunction,
    value: unknown,
  ): boolean {
    return this.nameFits(names, key) && this.check(id, validate, value);
  }
}

/** A `SchemaWalk` that does not remember: for documents validated once. */
export const ONE_SHOT = new SchemaWalk();

/**
 * What a memoized validator remembers between calls: per subschema, whether an object or array was
 * valid, and which map keys fit their pattern. Keyed by identity, so it is only right for documents
 * that are never mutated after validation.
 */
export class SchemaMemo extends SchemaWalk {
  private readonly verdicts: WeakMap<object, boolean>[] = [];
  private readonly names = new Map<RegExp, Map<string, boolean>>();

  /** The verdict of `validate` on `data` for the subschema numbered `id`, computed once per object. */
  override check(id: number, validate: ValidateFunction, data: unknown): boolean {
    if (data === null || typeof data !== 'object') return validate.call(this, data) as boolean;
    let verdicts = this.verdicts[id];
    if (!verdicts) {
      verdicts = new WeakMap();
      this.verdicts[id] = verdicts;
    }
    let valid = verdicts.get(data);
    if (valid === undefined) {
      valid = validate.call(this, data) as boolean;
      verdicts.set(data, valid);
    }
    return valid;
  }

  protected override nameFits(names: RegExp, key: string): boolean {
    let fits = this.names.get(names);
    if (!fits || fits.size > MAX_NAMES) {
      fits = new Map();
      this.names.set(names, fits);
    }
    let fit = fits.get(key);
    if (fit === undefined) {
      fit = names.test(key);
      fits.set(key, fit);
    }
    return fit;
  }
}

function hasInheritedKeys(data: object): boolean {
  for (let proto = Object.getPrototypeOf(data); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (Object.keys(proto).length > 0) return true;
  }
  return false;
}

/** Names remembered per pattern before starting over (they are field names and node ids). */
const MAX_NAMES = 100_000;

/** The keyword that stands for a separately compiled subschema in a memoized validator. */
const MEMO_KEYWORD = 'x-memo';
/** The keyword that stands for `propertyNames: { pattern }` + `additionalProperties` (see `mapValid`). */
const MAP_KEYWORD = 'x-memo-map';

/** A map-like object schema: exactly `type: object`, a name pattern and a schema for every value. */
function mapParts(node: Schema): { pattern: string; values: unknown } | undefined {
  if (node.type !== 'object' || Object.keys(node).length !== 3) return undefined;
  const names = node.propertyNames as Schema | undefined;
  if (!names || typeof names !== 'object' || Object.keys(names).length !== 1) return undefined;
  if (typeof names.pattern !== 'string' || !('additionalProperties' in node)) return undefined;
  return { pattern: names.pattern, values: node.additionalProperties };
}

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/** Whether a schema describes objects or arrays only (worth remembering per object); scalars are cheap. */
function describesContainers(schema: Schema): boolean {
  if (typeof schema.type === 'string') return !SCALAR_TYPES.has(schema.type);
  if ('if' in schema) {
    const branches = [schema.then, schema.else].filter((b) => b !== undefined) as Schema[];
    return branches.length > 0 && branches.every(describesContainers);
  }
  if (Array.isArray(schema.allOf)) return (schema.allOf as Schema[]).some(describesContainers);
  if (Array.isArray(schema.oneOf)) return (schema.oneOf as Schema[]).every(describesContainers);
  return false;
}

/**
 * Compiles `schema` so that every subschema for the values of `properties`, `additionalProperties`
 * and `items` that describes objects or arrays becomes its own validator, asked through the
 * `SchemaWalk` passed as `this` (`validate.call(walk, data)`). With a `SchemaMemo`, its verdict is
 * remembered per data object: re-validating a document edited with structural sharing then checks
 * only the edited paths, every unchanged subtree being one WeakMap lookup. With `ONE_SHOT` it is a
 * plain validator — and a faster one than ajv's usual output for big schemas: ajv inlines subschemas,
 * and the form schema became one 1.3 MB function, too large for V8 to optimize, while these are small
 * functions it does optimize (and called without the instance path that a `$ref` call builds).
 * The answer is the same as the plain validator's, as the verdict of a subschema depends on its data
 * alone — true without `$ref`, `$dynamicRef` and `unevaluated*`, which it refuses (and without ajv's
 * `$data` option, which our instances leave off). `ajv` needs `passContext: true`; only the yes/no
 * answer is memoized (the explaining validator says why not).
 */
export function compileMemoized(ajv: Ajv2020, schema: object): ValidateFunction {
  let compiled = subvalidators.get(ajv);
  if (!compiled) {
    const list: ValidateFunction[] = [];
    // Generated inline (a `code` keyword), not called as a function keyword: ajv would build a context
    // object and the instance path (escaping the key) for every value of every map on the way.
    ajv.addKeyword({
      keyword: MEMO_KEYWORD,
      schemaType: 'number',
      code(cxt: KeywordCxt) {
        const id = cxt.schema as number;
        const validate = cxt.gen.scopeValue('validate', { ref: list[id] });
        cxt.fail(_`!this.check(${id}, ${validate}, ${cxt.data})`);
      },
    });
    ajv.addKeyword({
      keyword: MAP_KEYWORD,
      schemaType: 'array',
      code(cxt: KeywordCxt) {
        const [pattern, id] = cxt.schema as [string, number];
        // The same RegExp ajv would make for the pattern (its `unicodeRegExp` default: flag u).
        const names = cxt.gen.scopeValue('pattern', { ref: new RegExp(pattern, 'u') });
        const validate = cxt.gen.scopeValue('validate', { ref: list[id] });
        cxt.fail(_`!this.mapValid(${names}, ${id}, ${validate}, ${cxt.data})`);
      },
    });
    compiled = list;
    subvalidators.set(ajv, list);
  }
  const list = compiled;

  const compileApart = (inner: unknown): number => list.push(ajv.compile(inner as object)) - 1;

  // A subschema object found at several places (dispatchUnions keeps shared ones shared) is
  // transformed and compiled once.
  const done = new Map<object, unknown>();
  const memoized = (sub: unknown): unknown => {
    if (sub === null || typeof sub !== 'object') return sub;
    const known = done.get(sub);
    if (known !== undefined) return known;
    const inner = transform(sub);
    const out =
      inner === null || typeof inner !== 'object' || !describesContainers(inner as Schema)
        ? inner
        : { [MEMO_KEYWORD]: compileApart(inner) };
    done.set(sub, out);
    return out;
  };

  const eachOf = (value: unknown, each: (sub: unknown) => unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, each(sub)]))
      : value;

  // A copy of the schema with the subschemas at the places above swapped for memo keywords. Only
  // keywords that hold schemas are entered: `const`, `enum` and the like hold data.
  const transform = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
    const map = mapParts(node as Schema);
    if (map) return { type: 'object', [MAP_KEYWORD]: [map.pattern, compileApart(transform(map.values))] };
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (CONTEXT_KEYWORDS.has(key)) throw new Error(`cannot memoize a schema that uses ${key}`);
      if (key === 'properties') out[key] = eachOf(value, memoized);
      else if (key === 'additionalProperties' || key === 'items') out[key] = memoized(value);
      else if (key === 'patternProperties' || key === '$defs') out[key] = eachOf(value, transform);
      else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'prefixItems')
        out[key] = Array.isArray(value) ? value.map(transform) : value;
      else if (SUBSCHEMA_KEYWORDS.has(key)) out[key] = transform(value);
      else out[key] = value;
    }
    return out;
  };

  return ajv.compile(transform(schema) as object);
}

/** Keywords whose result depends on more than the subschema's own data: splitting would change them. */
const CONTEXT_KEYWORDS = new Set([
  '$ref',
  '$dynamicRef',
  'unevaluatedProperties',
  'unevaluatedItems',
  '$data',
]);

/** Keywords whose value is one subschema (besides the ones `transform` handles itself). */
const SUBSCHEMA_KEYWORDS = new Set(['if', 'then', 'else', 'not', 'contains', 'propertyNames']);

/** The separately compiled subschemas of each memoizing ajv instance, by memo keyword value. */
const subvalidators = new WeakMap<Ajv2020, ValidateFunction[]>();
