import { _, type Ajv2020, type Code, type KeywordCxt } from 'ajv/dist/2020.js';
import { or } from 'ajv/dist/compile/codegen/index.js';
import { usePattern } from 'ajv/dist/vocabularies/code.js';

// Generation time only: the "valid?" validator's form of an object of strings with known keys —
// LocalizedText's `{ "zh-CN": …, "en": … }`, on every label, title and help text of a definition.
// ajv checks such an object in four passes: minProperties (Object.keys), additionalProperties (a loop
// over the keys), each named property's type, and patternProperties (a second loop testing every
// key, `zh-CN` and `en` too, against the locale pattern). This keyword does it in one loop. And the
// lists of unique strings (a layout node's children), whose uniqueness ajv checks with a dictionary.

type Schema = Readonly<Record<string, unknown>>;

/** The keyword holding a string map's keys, key patterns and least number of keys. */
export const STRING_MAP_KEYWORD = 'x-memo-strings';

/** What the keyword checks: every key is one of `names` or matches one of `patterns`, every value a string. */
interface StringMap {
  readonly names: readonly string[];
  readonly patterns: readonly string[];
  readonly min: number;
}

const isString = (sub: unknown): boolean =>
  sub !== null &&
  typeof sub === 'object' &&
  Object.keys(sub).length === 1 &&
  (sub as Schema).type === 'string';

/**
 * The parts of exactly `{ type: 'object', properties, patternProperties?, additionalProperties: false,
 * minProperties? }` whose property and pattern schemas are all `{ type: 'string' }`, else undefined.
 */
export function stringMapParts(node: Schema): StringMap | undefined {
  const allowed = ['type', 'properties', 'patternProperties', 'additionalProperties', 'minProperties'];
  if (node.type !== 'object' || node.additionalProperties !== false) return undefined;
  if (Object.keys(node).some((key) => !allowed.includes(key))) return undefined;
  const properties = (node.properties ?? {}) as Schema;
  const patterns = (node.patternProperties ?? {}) as Schema;
  if (![...Object.values(properties), ...Object.values(patterns)].every(isString)) return undefined;
  const min = node.minProperties ?? 0;
  if (typeof min !== 'number') return undefined;
  return { names: Object.keys(properties), patterns: Object.keys(patterns), min };
}

/**
 * Teaches a "valid?" ajv instance the string-map keyword, for schemas `{ type: 'object',
 * [STRING_MAP_KEYWORD]: stringMapParts(…) }`. Keys are read with for…in as ajv's own loops read them
 * (plain JSON objects have own keys only), and counted the same way for the least number.
 */
export function addStringMapKeyword(ajv: Ajv2020): void {
  ajv.addKeyword({
    keyword: STRING_MAP_KEYWORD,
    type: 'object',
    schemaType: 'object',
    code(cxt: KeywordCxt) {
      const { gen, data } = cxt;
      const { names, patterns, min } = cxt.schema as StringMap;
      const count = gen.let('count', 0);
      const valid = gen.let('valid', true);
      gen.forIn('key', data, (key) => {
        const known: Code[] = [
          ...names.map((name) => _`${key} === ${name}`),
          ...patterns.map((pattern) => _`${usePattern(cxt, pattern)}.test(${key})`),
        ];
        gen.if(_`typeof ${data}[${key}] !== "string" || !(${or(...known)})`, () => {
          gen.assign(valid, false);
          gen.break();
        });
        gen.code(_`${count}++`);
      });
      cxt.pass(_`${valid} && ${count} >= ${min}`);
    },
  });
}

/** The keyword that stands for `uniqueItems: true` on an array of strings (see `uniqueStringsParts`). */
export const UNIQUE_STRINGS_KEYWORD = 'x-memo-unique';

/**
 * `{ type: 'array', items: { type: 'string', … }, uniqueItems: true, … }` with `uniqueItems` replaced by
 * UNIQUE_STRINGS_KEYWORD, or undefined for any other schema. ajv checks uniqueness of scalars with an
 * object used as a dictionary, made for every array (every layout node's list of children); strings
 * compare as themselves, which SchemaWalk.allDifferent does without one.
 */
export function uniqueStringsParts(node: Schema): Schema | undefined {
  const items = node.items as Schema | undefined;
  if (node.type !== 'array' || node.uniqueItems !== true || items?.type !== 'string') return undefined;
  const { uniqueItems: _, ...rest } = node;
  return { ...rest, [UNIQUE_STRINGS_KEYWORD]: true };
}

/**
 * Teaches a "valid?" ajv instance UNIQUE_STRINGS_KEYWORD. When an item is not a string the array
 * fails on `items` anyway, so the answer is ajv's whatever this says of it.
 */
export function addUniqueStringsKeyword(ajv: Ajv2020): void {
  ajv.addKeyword({
    keyword: UNIQUE_STRINGS_KEYWORD,
    type: 'array',
    schemaType: 'boolean',
    code(cxt: KeywordCxt) {
      cxt.fail(_`!this.allDifferent(${cxt.data})`);
    },
  });
}
