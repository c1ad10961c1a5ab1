import { DEFAULT_TIME_ZONE } from '@formboard/schema';
import { resolveAssignees } from '../assignees.ts';
import type { RunnerDeps } from '../runner.ts';
import type { RunContext } from '../runScope.ts';
import { approvalInbox } from './approvalTexts.ts';

/**
 * What a tick does for approvals that are late, once each (the store marks them in the same
 * transaction as the messages): past the due time, reminds the assignees who have not decided; past
 * the escalation time, gives the task also to the step's `escalation.to` (e.g. the supervisor two
 * levels up), who may then decide alone, and tells them. Returns how many approvals it handled.
 */
export async function handleOverdueApprovals(deps: RunnerDeps, now: Date): Promise<number> {
  const { approvals, runs } = deps.store.workflows;
  const at = now.toISOString();
  const overdue = await approvals.overdue(at);
  for (const approval of overdue) {
    const run = await runs.get(approval.runId);
    const context = run.context as unknown as RunContext;
    const timeZone = context.timeZone ?? DEFAULT_TIME_ZONE;
    if (approval.dueAt !== null && approval.dueAt <= at && approval.remindedAt === null) {
      const undecided = approval.assignees.filter((a) => a.decision === null).map((a) => a.userId);
      await approvals.remind(approval.id, approvalInbox('remind', approval, undecided, timeZone));
    }
    if (approval.escalateAt !== null && approval.escalateAt <= at && approval.escalatedAt === null) {
      const definition = await deps.definitions.version(run.workflowId, run.workflowVersion);
      const step = definition.steps.find((s) => s.id === approval.stepId);
      const rule = step?.type === 'approval' ? step.escalation?.to : undefined;
      const to = rule ? await resolveAssignees(deps.store, [rule], context) : [];
      await approvals.escalate(approval.id, to, approvalInbox('escalate', approval, to, timeZone));
    }
  }
  return overdue.length;
}
