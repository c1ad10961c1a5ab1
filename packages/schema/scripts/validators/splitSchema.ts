// Generation time only: the part that compileMemoized.ts ("valid?") and compileExplaining.ts (errors)
// share. Both compile a schema with its container subschemas compiled apart as functions of their own.

type Schema = Readonly<Record<string, unknown>>;

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

/** How splitSchema replaces subschemas. */
export interface SplitOptions {
  /** The schema that stands for a container subschema (given already split) compiled apart. */
  readonly apart: (inner: object) => object;
  /** A replacement for a whole schema object, or undefined to enter its keywords as usual. */
  readonly node?: (node: Schema, split: (node: unknown) => unknown) => unknown;
}

/**
 * A copy of `schema` in which every subschema for the values of `properties`, `additionalProperties`
 * and `items` that describes objects or arrays is replaced by `options.apart` of it (split in turn).
 * Only keywords that hold schemas are entered: `const`, `enum` and the like hold data. A subschema
 * object found at several places (dispatchUnions keeps shared ones shared) is split and replaced once,
 * so a subschema used at many places becomes one function. Refuses keywords whose result depends on
 * more than the subschema's own data (`$ref`, `unevaluated*`…): splitting would change them.
 */
export function splitSchema(schema: object, options: SplitOptions): unknown {
  const done = new Map<object, unknown>();
  const apart = (sub: unknown): unknown => {
    if (sub === null || typeof sub !== 'object') return sub;
    const known = done.get(sub);
    if (known !== undefined) return known;
    const inner = split(sub);
    const out = describesContainers(sub as Schema) ? options.apart(inner as object) : inner;
    done.set(sub, out);
    return out;
  };

  const eachOf = (value: unknown, each: (sub: unknown) => unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, each(sub)]))
      : value;

  const split = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
    const replaced = options.node?.(node as Schema, split);
    if (replaced !== undefined) return replaced;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (CONTEXT_KEYWORDS.has(key)) throw new Error(`cannot split a schema that uses ${key}`);
      if (key === 'properties') out[key] = eachOf(value, apart);
      else if (key === 'additionalProperties' || key === 'items') out[key] = apart(value);
      else if (key === 'patternProperties' || key === '$defs') out[key] = eachOf(value, split);
      else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'prefixItems')
        out[key] = Array.isArray(value) ? value.map(split) : value;
      else if (SUBSCHEMA_KEYWORDS.has(key)) out[key] = split(value);
      else out[key] = value;
    }
    return out;
  };

  return split(schema);
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
