// The benchmark's form, checked before anything is timed: valid, and 500 fields.
import { type FormDefinition, indexFields, validateDefinition } from '@formboard/schema';
import { FIELD_COUNT, makeForm } from './makeForm.ts';
import { fail } from './rows.ts';

/** The form as made (`form`), its validated value, and how many fields it has. */
export function benchmarkForm(): {
  form: ReturnType<typeof makeForm>;
  value: FormDefinition;
  leaves: number;
} {
  const form = makeForm();
  const checked = validateDefinition(form);
  if (!checked.ok) fail(`the benchmark form is not valid:\n${JSON.stringify(checked.issues, null, 2)}`);
  const value = checked.value;
  if (value.kind !== 'form') fail(`the benchmark form came back as a ${value.kind}`);
  const fields = [...indexFields(value.data).fields.values()];
  const leaves = fields.filter((f) => f.kind !== 'table' && f.kind !== 'group').length;
  if (leaves !== FIELD_COUNT) fail(`the benchmark form has ${leaves} fields, not ${FIELD_COUNT}`);
  return { form, value, leaves };
}
