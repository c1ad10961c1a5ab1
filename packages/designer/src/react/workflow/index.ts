// The React workflow designer: the lead re-exports this from src/index.ts.
export type { WorkflowMessages } from './messages.ts';
export { WORKFLOW_MESSAGES, workflowMessages } from './messages.ts';
export type { NamedChoice } from './WorkflowContext.ts';
export type { WorkflowDesignerProps } from './WorkflowDesigner.tsx';
export { WorkflowDesigner } from './WorkflowDesigner.tsx';
