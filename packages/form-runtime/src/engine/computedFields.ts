import {
  type CompiledFormula,
  createDependencyGraph,
  type DependencyGraph,
  evaluate,
  FormulaDate,
  FormulaError,
  type LocalizedMessage,
  prepareFormula,
  type Value,
} from '@formboard/formula';
import {
  type FieldIndex,
  type FormDefinition,
  fieldTypesFor,
  qualifyDependency,
  tableOf,
} from '@formboard/schema';
import { getIn, parsePath, setIn } from '../paths.ts';
import { formulaScope } from './formulaScope.ts';
import type { FormContext } from './types.ts';

/** The result of recomputing: new values, the concrete paths that changed, formula failures by path. */
export interface ComputeResult {
  readonly values: unknown;
  readonly changed: readonly string[];
}

/** A formula result as stored in a record: dates as ISO text, errors as absent. */
function stored(value: Value): unknown {
  if (value instanceof FormulaDate) return value.toString();
  if (value instanceof FormulaError || value === null) return undefined;
  return value;
}

/**
 * The form's computed fields: compiled once, run in dependency order, and on each change only those
 * that read (directly or through other computed fields) what changed.
 */
export class ComputedFields {
  private readonly formulas = new Map<string, CompiledFormula>();
  private readonly graph: DependencyGraph;
  /** Formula failures by concrete path, shown by the field ("除数为零"). */
  readonly errors = new Map<string, LocalizedMessage>();

  constructor(form: FormDefinition, index: FieldIndex) {
    const dependencies: Record<string, readonly string[]> = {};
    for (const entry of form.computed ?? []) {
      const prepared = prepareFormula(entry.formula, { fields: fieldTypesFor(index, entry.target) });
      if (!prepared.ok) continue; // validateDefinition has rejected such definitions already
      this.formulas.set(entry.target, prepared.compiled);
      dependencies[entry.target] = prepared.dependencies.map((d) =>
        qualifyDependency(d, entry.target, index),
      );
    }
    this.graph = createDependencyGraph(dependencies);
  }

  /** True when `path` (a column path) is computed. */
  has(columnPath: string): boolean {
    return this.formulas.has(columnPath);
  }

  /** Computes every field, in dependency order. */
  runAll(values: unknown, context: FormContext): ComputeResult {
    return this.run(this.graph.order, values, context);
  }

  /** Computes what the changed column paths reach. */
  runAffected(changed: readonly string[], values: unknown, context: FormContext): ComputeResult {
    return this.run(this.graph.affectedBy(changed), values, context);
  }

  private run(targets: readonly string[], start: unknown, context: FormContext): ComputeResult {
    let values = start;
    const changed: string[] = [];
    for (const target of targets) {
      const formula = this.formulas.get(target);
      if (!formula) continue;
      values = this.compute(target, formula, values, context, changed);
    }
    return { values, changed };
  }

  // A column target (`kpis[].rowScore`) is computed once per row, seeing that row's cells by name.
  private compute(
    target: string,
    formula: CompiledFormula,
    values: unknown,
    context: FormContext,
    changed: string[],
  ): unknown {
    const table = tableOf(target);
    if (table === undefined)
      return this.writeOne(target, evaluate(formula, formulaScope(values, context)), values, changed);
    const column = target.slice(table.length + 3);
    const rows = getIn(values, parsePath(table));
    if (!Array.isArray(rows)) return values;
    let next = values;
    rows.forEach((row, i) => {
      const result = evaluate(formula, formulaScope(values, context, row));
      next = this.writeOne(`${table}[${i}].${column}`, result, next, changed);
    });
    return next;
  }

  private writeOne(path: string, result: Value, values: unknown, changed: string[]): unknown {
    if (result instanceof FormulaError) this.errors.set(path, result.message);
    else this.errors.delete(path);
    const value = Array.isArray(result) ? undefined : stored(result);
    const segments = parsePath(path);
    if (Object.is(getIn(values, segments), value)) return values;
    changed.push(path);
    return setIn(values, segments, value);
  }
}
