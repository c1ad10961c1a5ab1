import type { WorkflowDefinition, WorkflowStep, WorkflowTrigger } from '@formboard/schema';

/** The document the workflow designer edits: a workflow definition, never mutated. */
export type Workflow = WorkflowDefinition;
/** One step of a workflow. */
export type Step = WorkflowStep;
/** The kinds of step (every one the workflow schema has). */
export type StepType = Step['type'];
/** The kinds of trigger. */
export type TriggerType = WorkflowTrigger['type'];

/** Every step kind of the schema, in the order the designer offers them. */
export const STEP_TYPES: readonly StepType[] = [
  'approval',
  'notify',
  'condition',
  'updateRecord',
  'createRecord',
  'wait',
  'http',
  'end',
];

/** Every trigger kind of the schema. */
export const TRIGGER_TYPES: readonly TriggerType[] = ['record', 'schedule', 'metricStreak'];

/**
 * The selection id of the trigger card. It cannot be a step id (step ids start with a letter), so the
 * trigger and the steps share one selection.
 */
export const TRIGGER_ID = '$trigger';

/** The step with this id, if any. */
export function stepById(workflow: Workflow, id: string): Step | undefined {
  return workflow.steps.find((step) => step.id === id);
}
