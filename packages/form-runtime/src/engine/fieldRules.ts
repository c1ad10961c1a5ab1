import {
  type CompiledFormula,
  columnPath,
  evaluate,
  pathsOverlap,
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
import { getIn, parsePath } from '../paths.ts';
import { formulaScope } from './formulaScope.ts';
import type { FormContext } from './types.ts';

type RuleKey = 'visible' | 'required' | 'readOnly';
const KEYS: readonly RuleKey[] = ['visible', 'required', 'readOnly'];

/** A rule's current result: one answer, or one per table row for column targets. */
type Outcome = boolean | readonly boolean[];

interface CompiledRule {
  readonly target: string;
  readonly formulas: Partial<Record<RuleKey, CompiledFormula>>;
  readonly dependencies: readonly string[];
}

function toOutcome(value: Value): Outcome {
  if (Array.isArray(value)) return (value as readonly Value[]).map((v) => v === true);
  return value === true;
}

/** The row index of a concrete path inside the table at `table` ("kpis[3].x" → 3). */
function rowIndex(path: string, table: string): number | undefined {
  const match = path.startsWith(`${table}[`) ? /^\[(\d+)\]/.exec(path.slice(table.length)) : null;
  return match ? Number(match[1]) : undefined;
}

/** Visibility, required and read-only rules, re-evaluated only when what they read changes. */
export class FieldRules {
  private readonly rules: CompiledRule[] = [];
  private readonly outcomes = new Map<string, Partial<Record<RuleKey, Outcome>>>();

  constructor(form: FormDefinition, index: FieldIndex) {
    for (const rule of form.rules ?? []) {
      const formulas: Partial<Record<RuleKey, CompiledFormula>> = {};
      const dependencies: string[] = [];
      for (const key of KEYS) {
        const source = rule[key];
        if (source === undefined) continue;
        const prepared = prepareFormula(source, { fields: fieldTypesFor(index, rule.target) });
        if (!prepared.ok) continue;
        formulas[key] = prepared.compiled;
        dependencies.push(...prepared.dependencies.map((d) => qualifyDependency(d, rule.target, index)));
      }
      this.rules.push({ target: rule.target, formulas, dependencies });
    }
  }

  /** Evaluates every rule; returns the targets whose outcome changed. */
  runAll(values: unknown, context: FormContext): string[] {
    return this.run(this.rules, values, context);
  }

  /** Evaluates the rules reading any of the changed column paths. */
  runAffected(changed: readonly string[], values: unknown, context: FormContext): string[] {
    const due = this.rules.filter((r) => r.dependencies.some((d) => changed.some((c) => pathsOverlap(d, c))));
    return this.run(due, values, context);
  }

  private run(rules: readonly CompiledRule[], values: unknown, context: FormContext): string[] {
    const changedTargets: string[] = [];
    for (const rule of rules) {
      const previous = this.outcomes.get(rule.target) ?? {};
      const next: Partial<Record<RuleKey, Outcome>> = {};
      const table = tableOf(rule.target);
      const rows = table === undefined ? undefined : getIn(values, parsePath(table));
      for (const key of KEYS) {
        const formula = rule.formulas[key];
        if (!formula) continue;
        // A rule on a table column answers once per row, seeing that row's cells by name.
        next[key] = Array.isArray(rows)
          ? rows.map((row) => evaluate(formula, formulaScope(values, context, row)) === true)
          : toOutcome(evaluate(formula, formulaScope(values, context)));
      }
      if (JSON.stringify(previous) !== JSON.stringify(next)) changedTargets.push(rule.target);
      this.outcomes.set(rule.target, next);
    }
    return changedTargets;
  }

  /**
   * A rule's answer for a concrete path, looking at the path's own column and every ancestor: a
   * hidden group hides its fields, a read-only table makes its cells read-only.
   */
  answer(path: string, key: RuleKey): boolean | undefined {
    const column = columnPath(path);
    let answer: boolean | undefined;
    for (const [target, outcome] of this.outcomes) {
      const value = outcome[key];
      if (
        value === undefined ||
        !(target === column || column.startsWith(`${target}.`) || column.startsWith(`${target}[`))
      )
        continue;
      let own: boolean | undefined;
      if (typeof value === 'boolean') own = value;
      else {
        const table = target.slice(0, target.indexOf('[]'));
        const row = rowIndex(path, table);
        own = row === undefined ? undefined : value[row];
      }
      if (own === undefined) continue;
      // Hidden anywhere up the tree hides; required or read-only anywhere applies.
      answer = key === 'visible' ? (answer ?? true) && own : (answer ?? false) || own;
    }
    return answer;
  }

  /** Concrete paths of everything hidden now (for leaving them out of the submitted value). */
  hiddenPaths(values: unknown): string[] {
    const hidden: string[] = [];
    for (const [target, outcome] of this.outcomes) {
      const visible = outcome.visible;
      if (visible === undefined) continue;
      if (typeof visible === 'boolean') {
        if (!visible) hidden.push(...expand(target, values));
        continue;
      }
      const table = target.slice(0, target.indexOf('[]'));
      const column = target.slice(target.indexOf('[]') + 3);
      visible.forEach((v, i) => {
        if (!v) hidden.push(column ? `${table}[${i}].${column}` : `${table}[${i}]`);
      });
    }
    return hidden;
  }
}

/** A column path as the concrete paths of every row; a plain path as itself. */
function expand(target: string, values: unknown): string[] {
  const split = target.indexOf('[]');
  if (split === -1) return [target];
  const table = target.slice(0, split);
  const column = target.slice(split + 3);
  const rows = getIn(values, parsePath(table));
  return Array.isArray(rows)
    ? rows.map((_, i) => (column ? `${table}[${i}].${column}` : `${table}[${i}]`))
    : [];
}
