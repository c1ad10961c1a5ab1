export type { PublishedWorkflow } from './definitions.ts';
export { WorkflowDefinitions } from './definitions.ts';
export type { PeriodUnit } from './periods.ts';
export { periodAt, periodsToJudge, shiftPeriod } from './periods.ts';
export { renderText } from './render.ts';
export { DEFAULT_RETRY, retryDelay } from './retryDelay.ts';
export type { RunContext } from './runScope.ts';
export { StepFailed } from './steps/StepFailed.ts';
export type { StreakChanges, Verdicts } from './triggers/judgeStreaks.ts';
export { judgeStreaks } from './triggers/judgeStreaks.ts';
export type { DrainReport } from './triggers/recordEventPump.ts';
export type { RecordChange } from './triggers/recordTrigger.ts';
export { latestOccurrence } from './triggers/scheduleTrigger.ts';
export type {
  Approval,
  Clock,
  OutboundMessage,
  OutboundPort,
  RenderedText,
  RetryPolicy,
  WorkflowEngineOptions,
} from './types.ts';
export type { TickReport } from './WorkflowEngine.ts';
export { createWorkflowEngine, WorkflowEngine } from './WorkflowEngine.ts';
