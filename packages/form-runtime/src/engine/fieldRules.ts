import { columnPath, evaluate } from '@formboard/formula';
import { type FieldIndex, type FormDefinition, tableOf } from '@formboard/schema';
import { formulaScope } from './formulaScope.ts';
import { parentPaths, ReaderIndex } from './readerIndex.ts';
import { type CompileFormula, compileDefinitionFormula, type RuntimeFormula } from './runtimeFormula.ts';
import type { FormContext } from './types.ts';
import type { ValueStore } from './valueStore.ts';

type RuleKey = 'visible' | 'required' | 'readOnly';
const KEYS: readonly RuleKey[] = ['visible', 'required', 'readOnly'];

/** A rule's current result: one answer, or one per table row for column targets. */
type Outcome = boolean | readonly boolean[];
type Outcomes = Partial<Record<RuleKey, Outcome>>;

interface CompiledRule {
  readonly target: string;
  readonly formulas: Partial<Record<RuleKey, RuntimeFormula>>;
}

/** The row index of a concrete path inside the table at `table` ("kpis[3].x" → 3). */
function rowIndex(path: string, table: string): number | undefined {
  const match = path.startsWith(`${table}[`) ? /^\[(\d+)\]/.exec(path.slice(table.length)) : null;
  return match ? Number(match[1]) : undefined;
}

function sameOutcomes(a: Outcomes, b: Outcomes): boolean {
  return KEYS.every((key) => {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
    return x === y;
  });
}

/** Visibility, required and read-only rules, re-evaluated only when what they read changes. */
export class FieldRules {
  private readonly rules: CompiledRule[] = [];
  private readonly readers = new ReaderIndex<CompiledRule>();
  private readonly outcomes = new Map<string, Outcomes>();

  constructor(form: FormDefinition, index: FieldIndex, compile: CompileFormula) {
    for (const rule of form.rules ?? []) {
      const formulas: Partial<Record<RuleKey, RuntimeFormula>> = {};
      const compiled: CompiledRule = { target: rule.target, formulas };
      for (const key of KEYS) {
        const source = rule[key];
        const formula =
          source === undefined ? undefined : compileDefinitionFormula(source, rule.target, index, compile);
        if (!formula) continue;
        formulas[key] = formula;
        this.readers.add(compiled, formula.dependencies);
      }
      this.rules.push(compiled);
    }
  }

  /** Evaluates every rule; returns the targets whose outcome changed. */
  runAll(store: ValueStore, context: FormContext): string[] {
    return this.run(this.rules, store, context);
  }

  /** Evaluates the rules reading any of the changed column paths. */
  runAffected(changed: readonly string[], store: ValueStore, context: FormContext): string[] {
    return this.rules.length === 0 ? [] : this.run(this.readers.readersOf(changed), store, context);
  }

  private run(rules: readonly CompiledRule[], store: ValueStore, context: FormContext): string[] {
    const changedTargets: string[] = [];
    for (const rule of rules) {
      const next: Outcomes = {};
      const table = tableOf(rule.target);
      const rows = table === undefined ? undefined : store.get(table);
      for (const key of KEYS) {
        const formula = rule.formulas[key];
        if (!formula) continue;
        // A rule on a table column answers once per row, seeing that row's cells by name.
        if (Array.isArray(rows)) {
          next[key] = rows.map(
            (row) =>
              evaluate(formula.compiled, formulaScope(store.live(), context, row, formula.keys)) === true,
          );
        } else {
          const value = evaluate(formula.compiled, formulaScope(store.live(), context));
          next[key] = Array.isArray(value) ? value.map((v) => v === true) : value === true;
        }
      }
      if (!sameOutcomes(this.outcomes.get(rule.target) ?? {}, next)) changedTargets.push(rule.target);
      this.outcomes.set(rule.target, next);
    }
    return changedTargets;
  }

  /**
   * A rule's answer for a concrete path, looking at the path's own column and every ancestor: a
   * hidden group hides its fields, a read-only table makes its cells read-only.
   */
  answer(path: string, key: RuleKey): boolean | undefined {
    if (this.outcomes.size === 0) return undefined;
    const column = columnPath(path);
    let answer: boolean | undefined;
    for (const target of [column, ...parentPaths(column)]) {
      const value = this.outcomes.get(target)?.[key];
      if (value === undefined) continue;
      const own = typeof value === 'boolean' ? value : rowAnswer(value, path, target);
      if (own === undefined) continue;
      // Hidden anywhere up the tree hides; required or read-only anywhere applies.
      answer = key === 'visible' ? (answer ?? true) && own : (answer ?? false) || own;
    }
    return answer;
  }

  /** Concrete paths of everything hidden now (for leaving them out of the submitted value). */
  hiddenPaths(store: ValueStore): string[] {
    const hidden: string[] = [];
    for (const [target, outcome] of this.outcomes) {
      const visible = outcome.visible;
      if (visible === undefined) continue;
      const split = target.indexOf('[]');
      const table = split === -1 ? target : target.slice(0, split);
      const column = split === -1 ? '' : target.slice(split + 3);
      const cell = (i: number) => (column ? `${table}[${i}].${column}` : `${table}[${i}]`);
      if (typeof visible !== 'boolean') {
        visible.forEach((v, i) => {
          if (!v) hidden.push(cell(i));
        });
      } else if (!visible) {
        // A hidden column path hides that cell in every row.
        const rows = split === -1 ? undefined : store.get(table);
        if (split === -1) hidden.push(target);
        else if (Array.isArray(rows)) for (let i = 0; i < rows.length; i++) hidden.push(cell(i));
      }
    }
    return hidden;
  }
}

/** A per-row answer for a path in that table (undefined for paths outside a row). */
function rowAnswer(value: readonly boolean[], path: string, target: string): boolean | undefined {
  const row = rowIndex(path, target.slice(0, target.indexOf('[]')));
  return row === undefined ? undefined : value[row];
}
