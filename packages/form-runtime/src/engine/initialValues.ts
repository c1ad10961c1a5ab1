import { evaluate } from '@formboard/formula';
import type { FieldIndex, FormDefinition } from '@formboard/schema';
import { getIn, parsePath, setIn } from '../paths.ts';
import { isEmpty } from './defaults.ts';
import { formulaScope } from './formulaScope.ts';
import { type CompileFormula, compileDefinitionFormula } from './runtimeFormula.ts';
import { stored } from './storedValue.ts';
import type { FormContext } from './types.ts';

/**
 * Fills the empty fields that have an `initial` rule with its formula's value (`$user.id`: the person
 * filling in), once, when a new record starts — a draft's or an edited record's values stay as they
 * are. Table columns are not filled (rows get their schema defaults).
 */
export function applyInitialValues<T>(
  value: T,
  form: FormDefinition,
  index: FieldIndex,
  compile: CompileFormula,
  context: FormContext,
): T {
  let result: unknown = value;
  for (const rule of form.rules ?? []) {
    if (rule.initial === undefined || rule.target.includes('[]')) continue;
    const segments = parsePath(rule.target);
    if (!isEmpty(getIn(result, segments))) continue;
    const formula = compileDefinitionFormula(rule.initial, rule.target, index, compile);
    if (!formula) continue;
    const initial = stored(
      evaluate(formula.compiled, formulaScope(result as Record<string, unknown>, context)),
    );
    if (!isEmpty(initial)) result = setIn(result, segments, initial);
  }
  return result as T;
}
