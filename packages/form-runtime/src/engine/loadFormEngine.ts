import { calledFunctions, compileWith, FormulaSyntaxError, loadFunctions, parse } from '@formboard/formula';
import type { FormDefinition } from '@formboard/schema';
import type { FormEngine } from './FormEngine.ts';
import { openEngine } from './openFormEngine.ts';
import type { FormEngineOptions } from './types.ts';

/** Every formula of a definition: computed fields, rules and cross-field validations. */
function formulasOf(form: FormDefinition): string[] {
  const rules = (form.rules ?? []).flatMap((r) => [r.visible, r.required, r.readOnly, r.initial]);
  return [
    ...(form.computed ?? []).map((c) => c.formula),
    ...rules.filter((f) => f !== undefined),
    ...(form.validations ?? []).map((v) => v.formula),
  ];
}

/** The built-in functions the definition's formulas call (formulas that do not parse are left out). */
function functionsCalledBy(form: FormDefinition): Set<string> {
  const names = new Set<string>();
  for (const source of formulasOf(form)) {
    try {
      for (const name of calledFunctions(parse(source))) names.add(name);
    } catch (error) {
      if (!(error instanceof FormulaSyntaxError)) throw error;
    }
  }
  return names;
}

/**
 * `openFormEngine` for a page that loads the formula functions on demand: it loads the built-in
 * functions the definition's formulas call (none for a form without function calls), then opens the
 * engine. A page that opens forms this way carries none of the function implementations in its first
 * bundle; each function module is fetched once, the first time a form calls one of its functions.
 */
export async function loadFormEngine(
  form: FormDefinition,
  options: FormEngineOptions = {},
): Promise<FormEngine> {
  const functions = await loadFunctions(functionsCalledBy(form));
  return openEngine(form, options, (ast, compileOptions) => compileWith(ast, functions, compileOptions));
}
