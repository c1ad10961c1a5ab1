// The headless workflow designer (no React, no DOM): the lead re-exports this from src/index.ts.

export { addStep } from './commands/addStep.ts';
export { addArm, removeArm, replaceStep } from './commands/arms.ts';
export { moveStep, moveStepBy } from './commands/moveStep.ts';
export { removeSteps } from './commands/removeSteps.ts';
export { renameStep } from './commands/renameStep.ts';
export { setStepProperty } from './commands/setStepProperty.ts';
export { defaultTrigger, setTrigger, setTriggerProperty, triggerForm } from './commands/setTrigger.ts';
export type { WorkflowProperty } from './commands/setWorkflowProperty.ts';
export { setWorkflowProperty } from './commands/setWorkflowProperty.ts';
export type { WorkflowDesignerOptions, WorkflowDesignerStore } from './createWorkflowDesigner.ts';
export { createEmptyWorkflow, createWorkflowDesigner } from './createWorkflowDesigner.ts';
export type { FieldLabel } from './describe.ts';
export { CHANNEL_NAMES, describeAssignee, describeAssignees, describeDuration } from './describe.ts';
export { dropPlaces, flowPlaces, placeKey, placeOfKey } from './dropPlaces.ts';
export type { DryRunResult, DryRunSample, DryRunStep } from './dryRun.ts';
export { dryRun } from './dryRun.ts';
export type { Flow, FlowArm, FlowEnd, FlowItem, FlowPosition, FlowSequence } from './flow.ts';
export { flowOf } from './flow.ts';
export type { LinkRef } from './links.ts';
export { isBranching } from './links.ts';
export type { PlaceArm, PlaceSpot, PlaceStop, PlaceWalk } from './placeStops.ts';
export { nextStop, placeWalk, sideStop } from './placeStops.ts';
export type { StepPlace } from './places.ts';
export { placeBefore } from './places.ts';
export type { FormulaOutcome, RunScope } from './runFormula.ts';
export { runFormula } from './runFormula.ts';
export type { SchedulePreset } from './schedulePresets.ts';
export {
  describeCron,
  describePreset,
  formatRunTime,
  nextRuns,
  presetCron,
  presetOf,
  SCHEDULE_PRESETS,
} from './schedulePresets.ts';
export { stepIdProblem } from './stepIds.ts';
export { STEP_NAMES, TRIGGER_NAMES } from './stepNames.ts';
export type { PeriodVerdict, StreakDryRun } from './streakDryRun.ts';
export { streakDryRun } from './streakDryRun.ts';
export type { StepsFragment } from './workflowClipboard.ts';
export { copySteps, pasteSteps, workflowAdapter } from './workflowClipboard.ts';
export { workflowFields, workflowVariables } from './workflowFormulas.ts';
export type { WorkflowDefinitionResult, WorkflowProblem } from './workflowProblems.ts';
export { createWorkflowChecker } from './workflowProblems.ts';
export type { Step, StepType, TriggerType, Workflow } from './workflowTypes.ts';
export { STEP_TYPES, TRIGGER_ID, TRIGGER_TYPES } from './workflowTypes.ts';
