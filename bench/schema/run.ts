/**
 * Definition validation benchmark: `validateDefinition` on a realistic 500-field form, against plain ajv
 * validation of the same document with the same JSON Schema. Run with `pnpm bench` from the repository
 * root. See bench/schema/README.md for what is measured and how.
 */
import os from 'node:os';
import { analyzeFormula } from '@formboard/formula';
import { formDefinitionSchema, formulaFieldTypes, indexFields, validateDefinition } from '@formboard/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { FIELD_COUNT, makeForm } from './makeForm.ts';

/** Times each measurement is repeated; the median is reported. */
const RUNS = 7;
/** Each timed run lasts about this long (the number of calls is calibrated to it). */
const RUN_MS = 400;
/** Warm-up before timing, per validator. */
const WARMUP_MS = 1000;
/** Distinct but equal copies of the form, cycled through so no call sees the object of the last one. */
const COPIES = 16;
/** The goal from the issue: validateDefinition under this many milliseconds for a 500-field form. */
const GOAL_MS = 1;

type Validator = { readonly name: string; readonly what: string; readonly valid: (doc: unknown) => boolean };

function fail(text: string): never {
  console.error(text);
  process.exit(1);
}

/** Calls `valid` n times over the copies; returns the nanoseconds taken and how many calls said valid. */
function timeLoop(validator: Validator, docs: readonly unknown[], n: number): { ns: number; valid: number } {
  const { valid } = validator;
  let count = 0;
  const start = process.hrtime.bigint();
  for (let i = 0, j = 0; i < n; i++) {
    if (valid(docs[j])) count++;
    if (++j === docs.length) j = 0;
  }
  return { ns: Number(process.hrtime.bigint() - start), valid: count };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Milliseconds per call of each validator: calibrated, warmed up, RUNS runs interleaved, median. */
function measure(validators: readonly Validator[], docs: readonly unknown[]): number[] {
  const calls = validators.map((v) => {
    let n = 10;
    let elapsed = timeLoop(v, docs, n).ns;
    while (elapsed < 50e6) {
      n *= 2;
      elapsed = timeLoop(v, docs, n).ns;
    }
    const perCall = elapsed / n;
    timeLoop(v, docs, Math.ceil((WARMUP_MS * 1e6) / perCall));
    return Math.max(1, Math.round((RUN_MS * 1e6) / perCall));
  });
  const runs: number[][] = validators.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    validators.forEach((v, i) => {
      const n = calls[i] ?? 1;
      const { ns, valid } = timeLoop(v, docs, n);
      if (valid !== n) fail(`${v.name} rejected the form in a timed run (${valid} of ${n} valid)`);
      runs[i]?.push(ns / n / 1e6);
    });
  }
  return runs.map(median);
}

function table(rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (right[c] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

function main(): void {
  const form = makeForm();
  const checked = validateDefinition(form);
  if (!checked.ok) fail(`the benchmark form is not valid:\n${JSON.stringify(checked.issues, null, 2)}`);
  const value = checked.value;
  if (value.kind !== 'form') fail(`the benchmark form came back as a ${value.kind}`);
  const fields = [...indexFields(value.data).fields.values()];
  const leaves = fields.filter((f) => f.kind !== 'table' && f.kind !== 'group').length;
  if (leaves !== FIELD_COUNT) fail(`the benchmark form has ${leaves} fields, not ${FIELD_COUNT}`);

  // A straightforward ajv setup on the same schema: every error collected, unions left as oneOf. This
  // is the baseline our two-validator, dispatched-union setup (src/validate/ajv.ts) is measured against.
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

  const docs = Array.from({ length: COPIES }, () => structuredClone(form));
  const validators: Validator[] = [
    {
      name: 'validateDefinition',
      what: 'migrate + JSON Schema + meaning checks',
      valid: (doc) => validateDefinition(doc).ok,
    },
    {
      name: 'plain ajv',
      what: 'the JSON Schema alone, straightforward ajv (allErrors, oneOf)',
      valid: (doc) => ajvValidate(doc),
    },
    {
      name: 'indexFields',
      what: 'the index of the data paths (a meaning-check step)',
      valid: (doc) => indexFields((doc as typeof value).data).fields.size > 0,
    },
    {
      name: 'formula checks',
      what: `analyzeFormula × ${formulas.length}, ${Object.keys(fieldTypes).length} field types (a meaning-check step)`,
      valid: () => formulas.every((f) => analyzeFormula(f, { fields: fieldTypes }).ok),
    },
  ];

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `Definition validation benchmark — Node ${process.version}, ${cpu}, ${os.cpus().length} cores\n`,
  );
  console.log(
    `Form: ${leaves} fields (18 sections of 3 columns, 2 groups, 4 repeating tables), ` +
      `${Object.keys(value.layout.nodes).length} layout nodes, ${rules.length} rules, ` +
      `${computed.length} computed fields, ${validations.length} validations; ` +
      `${Math.round(JSON.stringify(form).length / 1024)} KB of JSON.\n`,
  );

  const ms = measure(validators, docs);
  const rows = validators.map((v, i) => {
    const t = ms[i] ?? Number.NaN;
    return [v.name, v.what, t.toFixed(3), Math.round(1000 / t).toLocaleString('en-US')];
  });
  console.log(
    table([['validator', 'what it checks', 'ms/call', 'calls/s'], ...rows], [false, false, true, true]),
  );

  const full = ms[0] ?? Number.NaN;
  const plain = ms[1] ?? Number.NaN;
  console.log('\nThe last three rows are parts of validateDefinition, timed alone.');
  console.log(`validateDefinition / plain ajv: ${(full / plain).toFixed(1)}×`);
  console.log(
    `Goal: validateDefinition under ${GOAL_MS} ms for a 500-field form (median of ${RUNS} runs): ` +
      `${full.toFixed(3)} ms — ${full < GOAL_MS ? 'met' : 'NOT met'}.`,
  );
}

main();
