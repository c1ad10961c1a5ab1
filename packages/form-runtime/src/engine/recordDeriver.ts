import { compile } from '@formboard/formula';
import { type FormDefinition, indexFields } from '@formboard/schema';
import { ComputedFields } from './computedFields.ts';
import { FieldRules } from './fieldRules.ts';
import { withoutHidden } from './hiddenValues.ts';
import type { CompileFormula } from './runtimeFormula.ts';
import type { FormContext } from './types.ts';
import { ValueStore } from './valueStore.ts';

/** What a form derives in a record: its computed fields, and its hidden fields left out. */
export type RecordDeriver = (
  data: Readonly<Record<string, unknown>>,
  context?: FormContext,
) => Record<string, unknown>;

/**
 * Compiles, once, what the engine derives when a record of `form` is submitted, for writers without a
 * form on screen (the server's API, imports, workflows): every computed field is evaluated in
 * dependency order by the engine's own `ComputedFields` (row formulas once per row), the rules are run,
 * and fields a `visible` rule hides are left out — the value `engine.submit()` gives for the same
 * input. Defaults are not applied (an API writer's absent field stays absent) and nothing is validated.
 * The definition must be valid (a published version). The deriver is synchronous and keeps no state
 * between calls, so one serves every record of that form version.
 */
export function compileRecordDeriver(
  form: FormDefinition,
  compileFormula: CompileFormula = compile,
): RecordDeriver {
  const index = indexFields(form.data);
  const computed = new ComputedFields(form, index, compileFormula);
  const rules = new FieldRules(form, index, compileFormula);
  const hasRules = (form.rules ?? []).some((rule) => rule.visible !== undefined);
  return (data, context = {}) => {
    const store = new ValueStore(data);
    computed.runAll(store, context);
    if (!hasRules) return { ...store.snapshot() };
    rules.runAll(store, context);
    return withoutHidden(store.snapshot(), rules.hiddenPaths(store), (path) => store.segmentsOf(path));
  };
}
