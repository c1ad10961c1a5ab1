// Generation time only: where a definition schema lets content through unchecked, so that the "valid?"
// validator can bound a document's depth without walking all of it first (src/validate/schemaWalk.ts,
// `freeWithin`). A schema without `$ref` is a finite tree: everything it checks sits at a depth it
// fixes. Only the values it leaves open (a widget's free-form props) can nest without limit; the
// validator measures those, and nothing else needs measuring.

type Schema = Readonly<Record<string, unknown>>;

/** The keyword that marks a subschema whose values may hold unchecked objects or arrays. */
export const OPEN_KEYWORD = 'x-memo-open';

const isSchema = (value: unknown): value is Schema =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isContainer = (value: unknown): boolean => value !== null && typeof value === 'object';

/** Whether values of `schema` may be of JSON type `type` (`object` or `array`). */
function admits(schema: Schema, type: 'object' | 'array'): boolean {
  if ('const' in schema || 'enum' in schema) return false;
  const types = schema.type;
  if (types === undefined) return true;
  return Array.isArray(types) ? types.includes(type) : types === type;
}

/** Whether a subschema (or `true`/`false`, or a missing one) checks every value it lets through. */
const closes = (sub: unknown): boolean => sub === false || isSchema(sub);

/**
 * Whether `schema` itself must be marked: it can let an object or an array through with something
 * inside that none of its keywords checks (extra properties allowed, an array without `items`), and
 * no subschema answers for the whole value. A value that passes `allOf` passes each part, one of a
 * `oneOf`/`anyOf`, `then` or `else`: those subschemas are marked themselves where they leave it open.
 */
function leavesOpen(schema: Schema): boolean {
  const answered =
    ['allOf', 'oneOf', 'anyOf'].some((key) => Array.isArray(schema[key]) && schema[key].length > 0) ||
    (isSchema(schema.then) && isSchema(schema.else));
  if (answered) return false;
  const openObject = admits(schema, 'object') && !closes(schema.additionalProperties);
  const openArray =
    admits(schema, 'array') &&
    !closes(schema.items) &&
    !(Array.isArray(schema.prefixItems) && schema.items === false);
  return openObject || openArray;
}

/** Keywords whose subschemas must hold for the same value (a choice or a conjunction). */
const SAME_VALUE = ['allOf', 'anyOf', 'oneOf', 'then', 'else'];
/** Keywords whose subschemas must hold for values one level down. */
const ONE_DOWN_MAPS = ['properties', 'patternProperties'];
const ONE_DOWN = ['additionalProperties', 'items'];
// `if`, `not`, `contains` and `propertyNames` only test: they check no value's contents for good, and a
// mark inside them could turn a test's answer. They are copied as they are.

/**
 * The marked parts of an `allOf`, without the marks on the parts themselves when one part carries
 * none: a value passes every part, and a part without a mark of its own checks or measures all the
 * value's contents (its subschemas carry the marks), so what another part leaves open is covered.
 * A layout node is such an `allOf` (the tag the union needs, open, and the union of node types), and
 * is then not measured once per node. Marks further down stay; a part is copied to drop its mark,
 * since it may be shared with places where it stands alone.
 */
function coveredParts(parts: readonly unknown[]): unknown[] {
  const marked = (part: unknown): boolean => isSchema(part) && part[OPEN_KEYWORD] === true;
  if (parts.every(marked)) return [...parts];
  return parts.map((part) => {
    if (!marked(part)) return part;
    const { [OPEN_KEYWORD]: _mark, ...rest } = part as Schema;
    return rest;
  });
}

/**
 * A copy of `schema` in which every subschema that leaves objects or arrays open carries
 * `OPEN_KEYWORD: true` (subschemas shared between places stay shared), and the deepest level below
 * the root at which it checks an object or an array. Throws if the schema uses `$ref`: a recursive
 * schema has no deepest level.
 */
export function markOpenContents(schema: object): { marked: object; height: number } {
  const copies = new Map<Schema, { copy: Schema; height: number }>();
  const mark = (node: Schema): { copy: Schema; height: number } => {
    const known = copies.get(node);
    if (known) return known;
    if ('$ref' in node || '$dynamicRef' in node)
      throw new Error('cannot bound the depth of a schema with $ref');
    const copy: Record<string, unknown> = {};
    let height = admits(node, 'object') || admits(node, 'array') ? 0 : -1;
    const below = (sub: unknown, down: number): unknown => {
      if (!isSchema(sub)) return sub;
      const inner = mark(sub);
      height = Math.max(height, inner.height + down);
      return inner.copy;
    };
    for (const [key, value] of Object.entries(node)) {
      if (ONE_DOWN_MAPS.includes(key) && isSchema(value)) {
        copy[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, below(sub, 1)]));
      } else if (key === '$defs' && isSchema(value)) {
        copy[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, below(sub, 0)]));
      } else if (ONE_DOWN.includes(key)) copy[key] = below(value, key === 'propertyNames' ? 0 : 1);
      else if (key === 'prefixItems' && Array.isArray(value)) copy[key] = value.map((sub) => below(sub, 1));
      else if (
        (key === 'const' && isContainer(value)) ||
        (key === 'enum' && [value].flat().some(isContainer))
      )
        throw new Error(`cannot bound the depth of a ${key} that holds objects or arrays`);
      else if (SAME_VALUE.includes(key))
        copy[key] = Array.isArray(value) ? value.map((sub) => below(sub, 0)) : below(value, 0);
      else copy[key] = value;
    }
    if (leavesOpen(node)) copy[OPEN_KEYWORD] = true;
    if (Array.isArray(copy.allOf)) copy.allOf = coveredParts(copy.allOf);
    const result = { copy, height };
    copies.set(node, result);
    return result;
  };
  if (!isSchema(schema)) throw new Error('expected a schema object');
  const { copy, height } = mark(schema);
  return { marked: copy, height };
}
