import type { TypeName } from '@formboard/formula';
import { FORMULA_VARIABLES, type FormDefinition } from '@formboard/schema';
import { formulaScope, type ScopeField } from '../rules/formulaScope.ts';
import type { Workflow } from './workflowTypes.ts';

// What a workflow's formulas and placeholders can read, as @formboard/schema's workflow checks
// define it (checkWorkflowTrigger.ts): those lists are not exported there, so they are listed here
// for the editor; the checks on save remain the judge (see the README's requests).

const RUN: Readonly<Record<string, TypeName>> = { '$run.id': 'string', '$run.startedAt': 'date' };
const STREAK: Readonly<Record<string, TypeName>> = {
  '$streak.value': 'number',
  '$streak.baseline': 'number',
  '$streak.values': 'number[]',
  '$streak.periods': 'number',
  '$streak.periodStart': 'date',
  '$streak.periodEnd': 'date',
};

/**
 * The variables a formula of the workflow can read: every run's `$run`; a record trigger's `$event`
 * and the definition variables (`$old.<field>` too in the trigger condition); a streak's `$streak`.
 */
export function workflowVariables(
  workflow: Workflow,
  fields: readonly ScopeField[],
  inTriggerCondition = false,
): Record<string, TypeName> {
  switch (workflow.trigger.type) {
    case 'record': {
      const variables: Record<string, TypeName> = { ...FORMULA_VARIABLES, ...RUN, $event: 'string' };
      if (inTriggerCondition) {
        for (const field of fields)
          if (!field.name.includes('[]')) variables[`$old.${field.name}`] = field.type;
      }
      return variables;
    }
    case 'metricStreak':
      return { ...RUN, ...STREAK };
    case 'schedule':
      return { ...RUN };
  }
}

/** The fields a workflow's steps can read: the record's (record trigger), the group field (metric streak), none (schedule). */
export function workflowFields(workflow: Workflow, form: FormDefinition | undefined): ScopeField[] {
  const { trigger } = workflow;
  if (!form || trigger.type === 'schedule') return [];
  const all = formulaScope(form);
  if (trigger.type === 'metricStreak') return all.filter((f) => f.name === trigger.query.groupBy);
  return all;
}
