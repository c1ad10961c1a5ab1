import type { TypeName } from '@formboard/formula';
import { FORMULA_VARIABLES } from '../kinds/checkFormula.ts';
import type { WorkflowTrigger } from '../schemas/workflowTriggers.ts';

/** Variables every run has. */
const RUN_VARIABLES: Readonly<Record<string, TypeName>> = { '$run.id': 'string', '$run.startedAt': 'date' };

/** Variables of a metric-streak run: the last period's value, the baseline, the streak's values and span. */
const STREAK_VARIABLES: Readonly<Record<string, TypeName>> = {
  '$streak.value': 'number',
  '$streak.baseline': 'number',
  '$streak.values': 'number[]',
  '$streak.periods': 'number',
  '$streak.periodStart': 'date',
  '$streak.periodEnd': 'date',
};

/**
 * `<root>.<field>` variables for the values of a record, from its field types as `formulaFieldTypes`
 * gives them (groups left out): every field outside repeating tables. Without the types (the form is
 * unknown) only the root is registered, so that `<root>.<anything>` goes unchecked.
 */
export function recordValueVariables(
  root: '$old' | '$target',
  fieldTypes: Readonly<Record<string, TypeName>> | undefined,
): Record<string, TypeName> {
  if (!fieldTypes) return { [root]: 'any' };
  const variables: Record<string, TypeName> = {};
  for (const [path, type] of Object.entries(fieldTypes))
    if (!path.includes('[]')) variables[`${root}.${path}`] = type;
  return variables;
}

/**
 * The `$variables` a workflow's formulas and placeholders can read: every run's `$run`; a record
 * trigger's `$event` and the definition variables (`$today`, `$record.*`…), plus `$old.<field>` in the
 * trigger's own condition (from the form's `fieldTypes`, see `recordValueVariables`); a metric
 * streak's `$streak`.
 */
export function workflowVariables(
  trigger: Pick<WorkflowTrigger, 'type'>,
  fieldTypes: Readonly<Record<string, TypeName>> | undefined,
  inTriggerCondition = false,
): Record<string, TypeName> {
  switch (trigger.type) {
    case 'record': {
      const variables: Record<string, TypeName> = {
        ...FORMULA_VARIABLES,
        ...RUN_VARIABLES,
        $event: 'string',
      };
      return inTriggerCondition ? { ...variables, ...recordValueVariables('$old', fieldTypes) } : variables;
    }
    case 'metricStreak':
      return { ...RUN_VARIABLES, ...STREAK_VARIABLES };
    case 'schedule':
      return { ...RUN_VARIABLES };
  }
}
