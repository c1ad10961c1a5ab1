import { _, type Ajv2020, type KeywordCxt, type ValidateFunction } from 'ajv/dist/2020.js';
import { Name } from 'ajv/dist/compile/codegen/index.js';
import { usePattern } from 'ajv/dist/vocabularies/code.js';
import { OPEN_KEYWORD } from './openContents.ts';
import { splitSchema } from './splitSchema.ts';
import {
  addStringMapKeyword,
  addUniqueStringsKeyword,
  STRING_MAP_KEYWORD,
  stringMapParts,
  uniqueStringsParts,
} from './stringKeywords.ts';
import { addSwitchKeyword, chainParts, switchSchema } from './switchKeyword.ts';

// Generation time only: compiles the "valid?" validators that scripts/generateValidators.ts writes
// out as standalone code. Their runtime side is src/validate/schemaWalk.ts.

type Schema = Readonly<Record<string, unknown>>;

/** The keyword that stands for a separately compiled subschema in a memoized validator. */
const MEMO_KEYWORD = 'x-memo';
/** The keyword that stands for `propertyNames: { pattern }` + `additionalProperties` (see `mapValid`). */
const MAP_KEYWORD = 'x-memo-map';

/**
 * The depth of a generated function's data in the document, its second parameter: the walk's
 * functions are called as `validate.call(walk, data, depth)` (see walkingHeaders.ts).
 */
export const DEPTH_PARAMETER = 'walkDepth';
const depth = new Name(DEPTH_PARAMETER);

/** A map-like object schema: exactly `type: object`, a name pattern and a schema for every value. */
function mapParts(node: Schema): { pattern: string; values: unknown } | undefined {
  if (node.type !== 'object' || Object.keys(node).length !== 3) return undefined;
  const names = node.propertyNames as Schema | undefined;
  if (!names || typeof names !== 'object' || Object.keys(names).length !== 1) return undefined;
  if (typeof names.pattern !== 'string' || !('additionalProperties' in node)) return undefined;
  return { pattern: names.pattern, values: node.additionalProperties };
}

/**
 * Compiles `schema` so that every subschema for the values of `properties`, `additionalProperties`
 * and `items` that describes objects or arrays becomes its own validator, asked through the
 * `SchemaWalk` (src/validate/schemaWalk.ts) passed as `this` (`validate.call(walk, data)`). With a `SchemaMemo`, its verdict is
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
        // Called straight when nothing is remembered: a call site per subschema, not one for all.
        const below = _`${depth} + ${cxt.it.dataLevel}`;
        cxt.fail(
          _`!(this.remembers ? this.check(${id}, ${validate}, ${cxt.data}) : ${validate}.call(this, ${cxt.data}, ${below}))`,
        );
      },
    });
    ajv.addKeyword({
      keyword: MAP_KEYWORD,
      schemaType: 'array',
      code(cxt: KeywordCxt) {
        const { gen, data } = cxt;
        const [pattern, id] = cxt.schema as [string, number];
        // The RegExp ajv makes for a `pattern` (flag u), with the code that makes it in standalone code.
        const names = usePattern(cxt, pattern);
        const validate = gen.scopeValue('validate', { ref: list[id] });
        const at = _`${depth} + ${cxt.it.dataLevel}`;
        const valid = gen.let('valid', true);
        gen.if(
          _`this.remembers || this.inherits(${data})`,
          () => gen.assign(valid, _`this.mapValid(${names}, ${id}, ${validate}, ${data}, ${at})`),
          () => {
            // One pass over the own keys, each value's validator called here: a call site per map,
            // where SchemaWalk.mapValid's one site served every map. Values are read by key, not with
            // Object.values, which is slow on the hash-table objects JSON.parse makes of big maps; the
            // keys through the walk, which may keep them for the meaning checks (KeyKeepingWalk).
            const keys = gen.const('keys', _`this.keysOf(${data})`);
            gen.forRange('i', 0, _`${keys}.length`, (i) => {
              const key = gen.const('key', _`${keys}[${i}]`);
              gen.if(_`!${names}.test(${key}) || !${validate}.call(this, ${data}[${key}], ${at} + 1)`, () => {
                gen.assign(valid, false);
                gen.break();
              });
            });
          },
        );
        cxt.pass(valid);
      },
    });
    // Marked by markOpenContents: the walk measures what the schema leaves unchecked here.
    ajv.addKeyword({
      keyword: OPEN_KEYWORD,
      schemaType: 'boolean',
      code(cxt: KeywordCxt) {
        cxt.fail(_`!this.freeWithin(${cxt.data}, ${depth} + ${cxt.it.dataLevel})`);
      },
    });
    addSwitchKeyword(ajv);
    addStringMapKeyword(ajv);
    addUniqueStringsKeyword(ajv);
    compiled = list;
    subvalidators.set(ajv, list);
  }
  const list = compiled;

  const compileApart = (inner: unknown): number => list.push(ajv.compile(inner as object)) - 1;
  const split = splitSchema(schema, {
    apart: (inner) => ({ [MEMO_KEYWORD]: compileApart(inner) }),
    node: (node, splitNode) => {
      const strings = stringMapParts(node);
      if (strings) return { type: 'object', [STRING_MAP_KEYWORD]: strings };
      const unique = uniqueStringsParts(node);
      if (unique) return splitNode(unique);
      const map = mapParts(node);
      if (map) return { type: 'object', [MAP_KEYWORD]: [map.pattern, compileApart(splitNode(map.values))] };
      const chain = chainParts(node);
      return chain && switchSchema(chain, splitNode);
    },
  });
  return ajv.compile(split as object);
}

/** The separately compiled subschemas of each memoizing ajv instance, by memo keyword value. */
const subvalidators = new WeakMap<Ajv2020, ValidateFunction[]>();
