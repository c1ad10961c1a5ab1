import type { Step } from '../../workflow/workflowTypes.ts';
import type { WorkflowMessages } from './messages.ts';

/** What an arm of a branch card is called: "分支 1", "其他情况", "同意", "驳回". */
export function armName(step: Step, index: number, messages: WorkflowMessages): string {
  if (step.type === 'approval') return index === 0 ? messages.approved : messages.rejected;
  if (step.type === 'condition' && index >= step.branches.length) return messages.otherwise;
  return messages.branch(index + 1);
}
