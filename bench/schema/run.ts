/**
 * Definition validation benchmark on a realistic 500-field form: (a) `validateDefinition` on a form it
 * has never seen, against plain ajv validation of the same document with the same JSON Schema; (b) the
 * designer's case, `createDefinitionValidator` re-validating after each edit. Run with `pnpm bench`
 * from the repository root. See bench/schema/README.md for what is measured and how.
 */
import os from 'node:os';
import { analyzeFormula } from '@formboard/formula';
import {
  createDefinitionValidator,
  formDefinitionSchema,
  formulaFieldTypes,
  indexFields,
  validateDefinition,
} from '@formboard/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { CLOCK, now } from './clock.ts';
import {
  addField,
  addOrRemoveField,
  changeFormula,
  changeLabel,
  type Edit,
  removeAddedField,
} from './edits.ts';
import { breakAndRepair, editSession } from './incremental.ts';
import { FIELD_COUNT, makeForm } from './makeForm.ts';

/** Times each measurement is repeated; the median is reported. */
const RUNS = 7;
/** Each timed run lasts about this long (the number of calls is calibrated to it). */
const RUN_MS = 400;
/** Warm-up before timing, per validator. */
const WARMUP_MS = 1000;
/** Distinct but equal copies of the form, cycled through by the cold rows (validateDefinition keeps nothing). */
const COPIES = 16;
/** The goal from the issue: validateDefinition under this many milliseconds for a 500-field form. */
const GOAL_MS = 1;

/** One row of the table: times `n` calls, returning the nanoseconds taken (it stops the run if a call fails). */
interface Row {
  readonly name: string;
  readonly what: string;
  readonly time: (n: number) => number;
}

function fail(text: string): never {
  console.error(text);
  process.exit(1);
}

/** A row calling `valid` over the copies; every call must answer true. */
function copiesRow(
  name: string,
  what: string,
  docs: readonly unknown[],
  valid: (doc: unknown) => boolean,
): Row {
  return {
    name,
    what,
    time: (n) => {
      let count = 0;
      const start = now();
      for (let i = 0, j = 0; i < n; i++) {
        if (valid(docs[j])) count++;
        if (++j === docs.length) j = 0;
      }
      const ns = now() - start;
      if (count !== n) fail(`${name} rejected the form (${count} of ${n} valid)`);
      return ns;
    },
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Milliseconds per call of each row: calibrated, warmed up, RUNS runs interleaved, median. */
function measure(rows: readonly Row[]): number[] {
  const calls = rows.map((row) => {
    let n = 10;
    let elapsed = row.time(n);
    while (elapsed < 50e6) {
      n *= 2;
      elapsed = row.time(n);
    }
    const perCall = elapsed / n;
    row.time(Math.ceil((WARMUP_MS * 1e6) / perCall));
    return Math.max(1, Math.round((RUN_MS * 1e6) / perCall));
  });
  const runs: number[][] = rows.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    rows.forEach((row, i) => {
      const n = calls[i] ?? 1;
      runs[i]?.push(row.time(n) / n / 1e6);
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
  const text = JSON.stringify(form);
  const cold: Row[] = [
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
  const mixed: Edit = (doc, k) => {
    const step = k % 6;
    if (step === 2) return addField(doc, k);
    if (step === 5) return removeAddedField(doc, k - 3);
    return step % 3 === 0 ? changeLabel(doc, k) : changeFormula(doc, k);
  };
  const sessions = [
    editSession('validator: label', '(b) after renaming a field (its data title)', form, changeLabel, fail),
    editSession('validator: formula', "(b) after editing a rule's formula", form, changeFormula, fail),
    editSession(
      'validator: field',
      '(b) after adding a field (data + layout), or removing it',
      form,
      addOrRemoveField,
      fail,
    ),
    editSession('validator: mixed', '(b) label, formula, add, label, formula, remove, …', form, mixed, fail),
  ];

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `Definition validation benchmark — Node ${process.version}, ${cpu}, ${os.cpus().length} cores, ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${CLOCK === 'cpu' ? 'CPU time of this process (CLOCK=cpu)' : 'wall-clock time'}\n`,
  );
  console.log(
    `Form: ${leaves} fields (18 sections of 3 columns, 2 groups, 4 repeating tables), ` +
      `${Object.keys(value.layout.nodes).length} layout nodes, ${rules.length} rules, ` +
      `${computed.length} computed fields, ${validations.length} validations; ` +
      `${Math.round(text.length / 1024)} KB of JSON.\n`,
  );

  const rows = [...cold, ...sessions];
  const ms = measure(rows);
  const lines = rows.map((row, i) => {
    const t = ms[i] ?? Number.NaN;
    return [row.name, row.what, t.toFixed(3), Math.round(1000 / t).toLocaleString('en-US')];
  });
  console.log(
    table(
      [['validator', 'scenario: what it checks', 'ms/call', 'calls/s'], ...lines],
      [false, false, true, true],
    ),
  );

  // The first call of a new validator: a cold validation that also fills the memo.
  const firstCalls = Array.from({ length: 9 }, (_, i) => {
    const validate = createDefinitionValidator();
    const doc = docs[i % docs.length];
    const start = now();
    const ok = validate(doc).ok;
    const ns = now() - start;
    if (!ok) fail('a new validator rejected the form');
    return ns / 1e6;
  });
  console.log(
    `\nFirst call of a new validator (cold, filling its memo), median of 9: ${median(firstCalls).toFixed(3)} ms`,
  );
  const { broken, repaired } = breakAndRepair(form, 25, fail);
  console.log(
    `A version the JSON Schema rejects (a rule's formula emptied), median of 25: ${broken.toFixed(3)} ms; ` +
      `the next one, repaired: ${repaired.toFixed(3)} ms`,
  );
  for (const session of sessions) {
    if (!session.agreesWithCold())
      fail(`${session.name}: the validator's answer differs from validateDefinition's`);
  }
  console.log(
    "Each session's last version gets the same answer from its validator and from validateDefinition.",
  );

  const coldMs = ms[0] ?? Number.NaN;
  const parseMs = ms[1] ?? Number.NaN;
  const plain = ms[2] ?? Number.NaN;
  const worst = Math.max(...ms.slice(cold.length));
  console.log(`validateDefinition / plain ajv: ${(coldMs / plain).toFixed(1)}×`);
  console.log(
    `Goal: validateDefinition under ${GOAL_MS} ms for a 500-field form (medians of ${RUNS} runs):\n` +
      `  (a) cold, a definition never seen before: ${coldMs.toFixed(3)} ms — ${coldMs < GOAL_MS ? 'met' : 'NOT met'} ` +
      `(JSON.parse of the text alone: ${parseMs.toFixed(3)} ms)\n` +
      `  (b) the designer's case, after each edit (slowest edit kind): ${worst.toFixed(3)} ms — ${worst < GOAL_MS ? 'met' : 'NOT met'}`,
  );
}

main();
