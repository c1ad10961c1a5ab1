import { type CompiledFormula, evaluate, prepareFormula, type Value } from '@formboard/formula';
import { DEFAULT_TIME_ZONE } from '@formboard/schema';

/**
 * What a run's steps read, kept as JSON in the run's context: the record's values (or the metric
 * group's) as fields, and the `$variables` of the trigger — `$old`, `$event`, `$streak`, `$run`,
 * `$alert`.
 */
export interface RunContext {
  readonly data: Readonly<Record<string, unknown>>;
  /** Variables without `$`: { old: {...}, event: "updated", streak: {...}, run: {...}, target: {...} }. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** The record the run is about, when there is one. */
  readonly recordId?: string;
  /** Who the run is about, for owners of created records: the record's owner or the metric group's user. */
  readonly ownerId?: string;
  readonly createdBy?: string;
  readonly timeZone?: string;
}

// Every variable root a workflow formula may name; what lies under each is checked by the schema's
// workflow checks when the definition is saved, so here the roots only need to be known. `$target`
// is the record an update step changes when it names another record (a check-in's key result).
const VARIABLES = {
  $old: 'any',
  $event: 'any',
  $streak: 'any',
  $run: 'any',
  $alert: 'any',
  $target: 'any',
} as const;

const cache = new Map<string, CompiledFormula | Error>();

/** Compiles a workflow formula once per text; a formula with problems gives an Error with its first issue. */
function compiled(source: string): CompiledFormula | Error {
  let entry = cache.get(source);
  if (!entry) {
    const prepared = prepareFormula(source, { variables: VARIABLES });
    entry = prepared.ok ? prepared.compiled : new Error(prepared.issues[0]?.messages.en ?? source);
    cache.set(source, entry);
  }
  return entry;
}

/** Evaluates a formula against a run's context at `now`; a formula that does not compile gives its Error. */
export function evaluateIn(source: string, context: RunContext, now: Date): Value | Error {
  const formula = compiled(source);
  if (formula instanceof Error) return formula;
  return evaluate(formula, {
    data: context.data,
    variables: context.variables,
    now,
    timeZone: context.timeZone ?? DEFAULT_TIME_ZONE,
  });
}

/** Whether a condition formula gives TRUE (errors and blanks are not TRUE). */
export function holds(source: string, context: RunContext, now: Date): boolean {
  return evaluateIn(source, context, now) === true;
}
