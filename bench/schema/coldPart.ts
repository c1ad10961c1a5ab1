/**
 * Part (a) of the definition validation benchmark, run by run.ts in a process of its own:
 * `validateDefinition` on a 500-field form it has never seen, against plain ajv and JSON.parse of the
 * same document for scale, and two parts of the meaning checks timed alone. A process of its own
 * because that is where cold validation runs: the server validates every definition it is sent or
 * loads, and never runs the designer's memoizing validator, whose kept objects change how V8 places
 * and optimizes everything else in the process (part (b) reports the cold row there too).
 */
import { analyzeFormula } from '@formboard/formula';
import { formDefinitionSchema, formulaFieldTypes, indexFields, validateDefinition } from '@formboard/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { benchmarkForm } from './benchmarkForm.ts';
import { parsedCopies } from './copies.ts';
import { copiesRow, fail, measure, RESULT_PREFIX, resultTable } from './rows.ts';

/** Distinct but equal copies of the form, cycled through (validateDefinition keeps nothing). */
const COPIES = 16;

const { form, value } = benchmarkForm();

// A straightforward ajv setup on the same schema: every error collected, unions left as oneOf, the
// whole schema compiled at run time. The baseline our generated validators are measured against.
const ajv = new Ajv2020({
  allErrors: true,
  verbose: true,
  strict: true,
  strictRequired: false,
  allowMatchingProperties: true,
  discriminator: true,
});
const ajvValidate = ajv.compile(formDefinitionSchema);
if (!ajvValidate(form)) fail(`ajv rejects the benchmark form: ${ajv.errorsText(ajvValidate.errors)}`);

// Two parts of the meaning checks, timed alone to show where the time goes.
const { data, rules = [], computed = [], validations = [] } = value;
const fieldTypes = formulaFieldTypes(indexFields(data));
const formulas = [
  ...rules.flatMap((r) => [r.visible, r.required, r.readOnly]),
  ...computed.map((c) => c.formula),
  ...validations.map((v) => v.formula),
].filter((f): f is string => f !== undefined);

const docs = parsedCopies(form, COPIES);
const text = JSON.stringify(form);
const rows = [
  copiesRow(
    'validateDefinition',
    '(a) cold: migrate + JSON Schema + meaning checks',
    docs,
    (doc) => validateDefinition(doc).ok,
  ),
  copiesRow(
    'JSON.parse',
    `(a) for scale: parsing the ${Math.round(text.length / 1024)} KB text, nothing checked`,
    [text],
    (doc) => JSON.parse(doc as string) !== null,
  ),
  copiesRow('plain ajv', '(a) the JSON Schema alone, straightforward ajv (allErrors, oneOf)', docs, (doc) =>
    ajvValidate(doc),
  ),
  copiesRow(
    'indexFields',
    '(a) part: the index of the data paths',
    docs,
    (doc) => indexFields((doc as typeof value).data).fields.size > 0,
  ),
  copiesRow(
    'formula checks',
    `(a) part: analyzeFormula × ${formulas.length}, ${Object.keys(fieldTypes).length} field types`,
    docs,
    () => formulas.every((f) => analyzeFormula(f, { fields: fieldTypes }).ok),
  ),
];
const ms = measure(rows);
console.log(resultTable(rows, ms));
const [cold, parse, plain] = ms;
console.log(`${RESULT_PREFIX}${JSON.stringify({ cold, parse, plain })}`);
