import {
  type CompiledFormula,
  type CompileOptions,
  dependencies,
  FormulaSyntaxError,
  type Node,
  parse,
  type TypeName,
} from '@formboard/formula';
import { type FieldIndex, qualifyDependency, tableOf } from '@formboard/schema';

/**
 * How the engine compiles its formulas: `compile` (every built-in function), or `compileWith` over the
 * functions `loadFormEngine` loaded for the definition.
 */
export type CompileFormula = (ast: Node, options: CompileOptions) => CompiledFormula;

/** A formula of a definition, ready to run, with what it reads. */
export interface RuntimeFormula {
  readonly compiled: CompiledFormula;
  /** What it reads as record paths (`kpis[].weight` for `weight` in a row formula), variables kept. */
  readonly dependencies: readonly string[];
  /** The record keys it reads ("kpis" for `kpis[].weight`): all a row formula's scope needs to copy. */
  readonly keys: readonly string[];
}

/** A field's formula type as `target`'s formula sees it: a row formula sees its row's cells by name. */
function typeFor(index: FieldIndex, target: string, path: string): TypeName | undefined {
  const table = tableOf(target);
  const field =
    (table === undefined ? undefined : index.fields.get(`${table}[].${path}`)) ?? index.fields.get(path);
  return field && field.kind !== 'group' ? field.formulaType : undefined;
}

/**
 * Parses and compiles a formula computing or guarding `target` ("" for form-wide validations). The
 * definition has been validated — by the server when it was published, or by createFormEngine — and
 * its formulas type-checked then, so they are not checked again; one that does not parse is left out
 * (undefined), as validation would have refused it. Compiling gets the types of the paths the formula
 * reads only (it looks for date fields), not of all 2,000 fields.
 */
export function compileDefinitionFormula(
  source: string,
  target: string,
  index: FieldIndex,
  compile: CompileFormula,
): RuntimeFormula | undefined {
  let ast: ReturnType<typeof parse>;
  try {
    ast = parse(source);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return undefined;
    throw error;
  }
  const read = dependencies(ast);
  const fields: Record<string, TypeName> = {};
  for (const path of read) {
    const type = path.startsWith('$') ? undefined : typeFor(index, target, path);
    if (type !== undefined) fields[path] = type;
  }
  const keys = new Set<string>();
  for (const path of read) if (!path.startsWith('$')) keys.add(path.split(/[.[]/)[0] as string);
  return {
    compiled: compile(ast, { fields }),
    dependencies: read.map((d) => qualifyDependency(d, target, index)),
    keys: [...keys],
  };
}
