import { evaluate } from '@formboard/formula';
import { type FieldIndex, type FormDefinition, localize } from '@formboard/schema';
import { formulaScope } from './formulaScope.ts';
import { type CompileFormula, compileDefinitionFormula } from './runtimeFormula.ts';
import type { FormContext, FormIssue } from './types.ts';

/** Checks a value against the cross-field validations; returns their problems. */
export type CrossFieldCheck = (value: Readonly<Record<string, unknown>>, context: FormContext) => FormIssue[];

/**
 * Compiles the definition's cross-field validations once: each formula must give TRUE; otherwise its
 * message goes on every listed field, or on the whole form when it lists none.
 */
export function compileCrossField(
  form: FormDefinition,
  index: FieldIndex,
  compile: CompileFormula,
): CrossFieldCheck {
  const checks = (form.validations ?? []).flatMap((validation) => {
    const formula = compileDefinitionFormula(validation.formula, '', index, compile);
    if (!formula) return [];
    const message = {
      'zh-CN': localize(validation.message, 'zh-CN'),
      en: localize(validation.message, 'en'),
    };
    const paths = validation.paths && validation.paths.length > 0 ? validation.paths : [''];
    return [{ id: validation.id, compiled: formula.compiled, message, paths }];
  });
  return (value, context) => {
    if (checks.length === 0) return [];
    const scope = formulaScope(value, context);
    return checks
      .filter((check) => evaluate(check.compiled, scope) !== true)
      .flatMap((check) => check.paths.map((path) => ({ path, keyword: check.id, message: check.message })));
  };
}
