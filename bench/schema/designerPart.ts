/**
 * Part (b) of the definition validation benchmark, run by run.ts in a process of its own: the
 * designer's case, `createDefinitionValidator` following a 500-field form through edits (see
 * incremental.ts), plus cold `validateDefinition` timed in the same process — as it runs in a browser
 * tab that also edits — the first call of a new validator, an invalid version and the agreement of
 * each session's answer with validateDefinition's.
 */
import { createDefinitionValidator, validateDefinition } from '@formboard/schema';
import { benchmarkForm } from './benchmarkForm.ts';
import { now } from './clock.ts';
import { parsedCopies } from './copies.ts';
import {
  addField,
  addOrRemoveField,
  changeFormula,
  changeLabel,
  type Edit,
  removeAddedField,
} from './edits.ts';
import { breakAndRepair, editSession } from './incremental.ts';
import { copiesRow, fail, measure, median, RESULT_PREFIX, resultTable } from './rows.ts';

const { form } = benchmarkForm();
const docs = parsedCopies(form);

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
const rows = [
  ...sessions,
  copiesRow(
    'validateDefinition',
    '(a) cold, in this process, among the edit sessions',
    docs,
    (doc) => validateDefinition(doc).ok,
  ),
];
const ms = measure(rows);
console.log(resultTable(rows, ms));

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
const worst = Math.max(...ms.slice(0, sessions.length));
console.log(`${RESULT_PREFIX}${JSON.stringify({ worst, coldHere: ms[sessions.length] })}`);
