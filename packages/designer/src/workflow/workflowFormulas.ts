import type { TypeName } from '@formboard/formula';
import { type FormDefinition, workflowVariables as schemaWorkflowVariables } from '@formboard/schema';
import { formulaScope, type ScopeField } from '../rules/formulaScope.ts';
import type { Workflow } from './workflowTypes.ts';

/**
 * The variables a formula of the workflow can read (@formboard/schema's `workflowVariables`, which the
 * checks on save use too), with `$old.<field>` from the editor's `fields` in the trigger condition.
 */
export function workflowVariables(
  workflow: Workflow,
  fields: readonly ScopeField[],
  inTriggerCondition = false,
): Record<string, TypeName> {
  const fieldTypes = Object.fromEntries(fields.map((field) => [field.name, field.type]));
  return schemaWorkflowVariables(workflow.trigger, fieldTypes, inTriggerCondition);
}

/** The fields a workflow's steps can read: the record's (record trigger), the group field (metric streak), none (schedule). */
export function workflowFields(workflow: Workflow, form: FormDefinition | undefined): ScopeField[] {
  const { trigger } = workflow;
  if (!form || trigger.type === 'schedule') return [];
  const all = formulaScope(form);
  if (trigger.type === 'metricStreak') return all.filter((f) => f.name === trigger.query.groupBy);
  return all;
}
