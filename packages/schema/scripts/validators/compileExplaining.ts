import { _, type Ajv2020, type KeywordCxt, nil, type ValidateFunction } from 'ajv/dist/2020.js';
import { Name } from 'ajv/dist/compile/codegen/index.js';
import { callValidateCode } from 'ajv/dist/vocabularies/code.js';
import { splitSchema } from './splitSchema.ts';

// Generation time only: compiles the explaining (all-errors, verbose) validators that
// scripts/generateValidators.ts writes out as standalone code.

/** The keyword that stands for a container subschema compiled apart in an explaining validator. */
const CALL_KEYWORD = 'x-explain';

// The variables of ajv's generated code that hold the errors so far and their count.
const V_ERRORS = new Name('vErrors');
const ERRORS = new Name('errors');

/** The separately compiled subschemas of each explaining ajv instance, by keyword value. */
const subvalidators = new WeakMap<Ajv2020, ValidateFunction[]>();

/**
 * Compiles `schema` with each container subschema (as in compileMemoized) compiled apart and called
 * where ajv would have put its code: a subschema used at many places — LocalizedText, the kinds of
 * field, of layout node, of widget — is then one function instead of a copy of its code at each place,
 * and the form schema's explaining validator 4× less code. The errors are ajv's own, the same objects
 * in the same order: the function is called with the instance path that ajv's inline code would use
 * (as ajv calls a `$ref`), and the schema path of each of its errors is prefixed with the place it was
 * called from, as inline code would have written it. Only their `schema` and `parentSchema` are the
 * split copies (`{ "x-explain": n }` in place of a subschema compiled apart).
 */
export function compileExplaining(ajv: Ajv2020, schema: object): ValidateFunction {
  let list = subvalidators.get(ajv);
  if (!list) {
    const compiled: ValidateFunction[] = [];
    ajv.addKeyword({
      keyword: CALL_KEYWORD,
      schemaType: 'number',
      code(cxt: KeywordCxt) {
        const { gen, it } = cxt;
        const validate = gen.scopeValue('validate', { ref: compiled[cxt.schema as number] });
        const errors = _`${validate}.errors`;
        cxt.result(callValidateCode(cxt, validate, nil), undefined, () => {
          // "#/type" in the function is "<here>/type" in the whole schema.
          gen.forOf('error', errors, (error) =>
            gen.assign(_`${error}.schemaPath`, _`${it.errSchemaPath} + ${error}.schemaPath.slice(1)`),
          );
          gen.assign(V_ERRORS, _`${V_ERRORS} === null ? ${errors} : ${V_ERRORS}.concat(${errors})`);
          gen.assign(ERRORS, _`${V_ERRORS}.length`);
        });
      },
    });
    subvalidators.set(ajv, compiled);
    list = compiled;
  }
  const functions = list;
  const split = splitSchema(schema, {
    apart: (inner) => ({ [CALL_KEYWORD]: functions.push(ajv.compile(inner)) - 1 }),
  });
  return ajv.compile(split as object);
}
