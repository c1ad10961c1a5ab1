import { evaluate, type LocalizedMessage, prepareFormula, toJSONValue, type Value } from '@formboard/formula';
import { DEFAULT_TIME_ZONE } from '@formboard/schema';

/**
 * What a dry run's formulas read, as a run keeps it: the record's fields (or the metric group's) and
 * the trigger's variables without `$` (`old`, `event`, `streak`, `run`).
 */
export interface RunScope {
  readonly data: Readonly<Record<string, unknown>>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly now: Date;
  readonly timeZone: string;
}

// The variable roots a workflow run has, as @formboard/workflow's runScope declares them: the schema's
// checks decide what lies under each when the definition is saved.
const VARIABLES = { $old: 'any', $event: 'any', $streak: 'any', $run: 'any', $alert: 'any' } as const;

/** A formula's result in a dry run: its value as JSON, or why it could not be computed. */
export type FormulaOutcome =
  | { readonly ok: true; readonly value: unknown; readonly holds: boolean }
  | { readonly ok: false; readonly problem: LocalizedMessage };

/** Evaluates a workflow formula as the engine does (parsed, checked, evaluated without eval). */
export function runFormula(source: string, scope: RunScope): FormulaOutcome {
  const prepared = prepareFormula(source, { variables: VARIABLES });
  if (!prepared.ok) {
    const first = prepared.issues[0];
    return { ok: false, problem: first?.messages ?? { 'zh-CN': source, en: source } };
  }
  const value: Value = evaluate(prepared.compiled, {
    data: scope.data,
    variables: scope.variables,
    now: scope.now,
    timeZone: scope.timeZone ?? DEFAULT_TIME_ZONE,
  });
  // A condition holds only when it gives TRUE: errors and blanks do not.
  return { ok: true, value: toJSONValue(value), holds: value === true };
}
