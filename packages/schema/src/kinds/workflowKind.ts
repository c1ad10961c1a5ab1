import { type WorkflowDefinition, workflowDefinitionSchema } from '../schemas/workflowDefinition.ts';
import { checkWorkflow } from './checkWorkflow.ts';
import type { DefinitionKind } from './DefinitionKind.ts';

/** Workflow definitions: trigger, steps and their meaning checks. */
export const workflowKind: DefinitionKind<WorkflowDefinition> = {
  kind: 'workflow',
  schema: workflowDefinitionSchema,
  check: (workflow, report, context) => checkWorkflow(workflow, report, context),
};
