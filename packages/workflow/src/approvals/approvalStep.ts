import { DEFAULT_TIME_ZONE, type WorkflowStep } from '@formboard/schema';
import { StoreError } from '@formboard/storage';
import { resolveAssignees } from '../assignees.ts';
import { addDuration } from '../durations.ts';
import { goTo, type StepContext, type StepResult } from '../steps/StepContext.ts';
import { StepFailed } from '../steps/StepFailed.ts';
import { approvalInbox, approvalTitle } from './approvalTexts.ts';

type ApprovalStep = Extract<WorkflowStep, { type: 'approval' }>;

/**
 * The first time: opens the approval task under the step's effect key (assignees resolved, due and
 * escalation times fixed, inbox messages written) and parks the run, in one transaction. When the
 * run comes back (a decision settled the task), goes to `onApprove` or `onReject`; without that
 * branch the run ends.
 */
export async function approvalStep(step: ApprovalStep, ctx: StepContext): Promise<StepResult> {
  const approvals = ctx.store.workflows.approvals;
  const existing = await approvals.get(ctx.effectKey).catch((error: unknown) => {
    if (error instanceof StoreError && error.code === 'notFound') return undefined;
    throw error;
  });
  if (existing && existing.status !== 'pending') {
    const next = existing.status === 'approved' ? step.onApprove : step.onReject;
    const payload = { approvalId: existing.id };
    const effect = {
      key: ctx.effectKey,
      stepId: step.id,
      kind: 'approval',
      payload,
      result: existing.status,
    };
    return { ...goTo(next), effect };
  }
  if (existing) {
    // Opened before, still undecided: the run is only running again because a crash or a tick woke it.
    await ctx.store.workflows.runs.park(ctx.run.id, ctx.run.stepSeq, null);
    return { parked: true };
  }
  const assignees = await resolveAssignees(ctx.store, step.assignees, ctx.context);
  if (assignees.length === 0) {
    throw new StepFailed({
      'zh-CN': `审批步骤 ${step.id} 找不到审批人`,
      en: `approval step ${step.id} found nobody to decide it`,
    });
  }
  const now = ctx.clock.now();
  const title = approvalTitle(step, ctx.context);
  const dueAt = step.due ? addDuration(now, step.due).toISOString() : null;
  const escalateAt = step.escalation ? addDuration(now, step.escalation.after).toISOString() : null;
  const timeZone = ctx.context.timeZone ?? DEFAULT_TIME_ZONE;
  await approvals.open({
    id: ctx.effectKey,
    runId: ctx.run.id,
    stepId: step.id,
    stepSeq: ctx.run.stepSeq,
    mode: step.mode,
    title,
    recordId: ctx.context.recordId ?? null,
    dueAt,
    escalateAt,
    assignees,
    inbox: approvalInbox('ask', { id: ctx.effectKey, title, dueAt }, assignees, timeZone),
  });
  return { parked: true };
}
