import {
  createDependencyGraph,
  type DependencyGraph,
  evaluate,
  FormulaError,
  type LocalizedMessage,
  type Value,
} from '@formboard/formula';
import { type FieldIndex, type FormDefinition, tableOf } from '@formboard/schema';
import { formulaScope } from './formulaScope.ts';
import { ReaderIndex } from './readerIndex.ts';
import { type CompileFormula, compileDefinitionFormula, type RuntimeFormula } from './runtimeFormula.ts';
import { stored } from './storedValue.ts';
import type { FormContext } from './types.ts';
import type { ValueStore } from './valueStore.ts';

/**
 * The form's computed fields: compiled once, run in dependency order, and on each change only those
 * that read (directly or through other computed fields) what changed.
 */
export class ComputedFields {
  private readonly formulas = new Map<string, RuntimeFormula>();
  private readonly graph: DependencyGraph;
  private readonly readers = new ReaderIndex<string>();
  /** Formula failures by concrete path, shown by the field ("除数为零"). */
  readonly errors = new Map<string, LocalizedMessage>();

  constructor(form: FormDefinition, index: FieldIndex, compile: CompileFormula) {
    const dependencies: Record<string, readonly string[]> = {};
    for (const entry of form.computed ?? []) {
      const formula = compileDefinitionFormula(entry.formula, entry.target, index, compile);
      if (!formula) continue;
      this.formulas.set(entry.target, formula);
      dependencies[entry.target] = formula.dependencies;
      this.readers.add(entry.target, formula.dependencies);
    }
    this.graph = createDependencyGraph(dependencies);
  }

  /** True when `path` (a column path) is computed. */
  has(columnPath: string): boolean {
    return this.formulas.has(columnPath);
  }

  /** Computes every field, in dependency order; returns the concrete paths whose value changed. */
  runAll(store: ValueStore, context: FormContext): string[] {
    return this.run(this.graph.order, store, context);
  }

  /** Computes what the changed column paths reach. */
  runAffected(changed: readonly string[], store: ValueStore, context: FormContext): string[] {
    if (this.readers.readersOf(changed).length === 0) return [];
    return this.run(this.graph.affectedBy(changed), store, context);
  }

  private run(targets: readonly string[], store: ValueStore, context: FormContext): string[] {
    const changed: string[] = [];
    for (const target of targets) {
      const formula = this.formulas.get(target);
      if (formula) this.compute(target, formula, store, context, changed);
    }
    return changed;
  }

  // A column target (`kpis[].rowScore`) is computed once per row, seeing that row's cells by name.
  private compute(
    target: string,
    formula: RuntimeFormula,
    store: ValueStore,
    context: FormContext,
    changed: string[],
  ): void {
    const table = tableOf(target);
    if (table === undefined) {
      this.write(target, evaluate(formula.compiled, formulaScope(store.live(), context)), store, changed);
      return;
    }
    const column = target.slice(table.length + 3);
    const rows = store.get(table);
    if (!Array.isArray(rows)) return;
    rows.forEach((row, i) => {
      const scope = formulaScope(store.live(), context, row, formula.keys);
      this.write(`${table}[${i}].${column}`, evaluate(formula.compiled, scope), store, changed);
    });
  }

  private write(path: string, result: Value, store: ValueStore, changed: string[]): void {
    if (result instanceof FormulaError) this.errors.set(path, result.message);
    else this.errors.delete(path);
    const value = stored(result);
    if (Object.is(store.get(path), value)) return;
    changed.push(path);
    store.set(path, value);
  }
}
