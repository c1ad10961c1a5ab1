import type { WorkflowStep } from '@formboard/schema';
import type { StepOutcome } from '@formboard/storage';
import { holds } from '../runScope.ts';
import { notifyStep, sendOnce } from './notifyStep.ts';
import { createRecordStep, updateRecordStep } from './recordSteps.ts';
import { goTo, type StepContext } from './StepContext.ts';
import { StepFailed } from './StepFailed.ts';

/**
 * Does one step and says where the run goes next. Steps with a side effect record it under the step's
 * effect key first (or hand it to the advance transaction), so doing the step again after a crash
 * finds the effect instead of repeating it.
 */
export async function executeStep(step: WorkflowStep, ctx: StepContext): Promise<StepOutcome> {
  switch (step.type) {
    case 'condition': {
      const now = ctx.clock.now();
      const branch = step.branches.find((b) => holds(b.when, ctx.context, now));
      return goTo(branch?.next ?? step.otherwise);
    }
    case 'end':
      return goTo(undefined);
    case 'notify':
      return notifyStep(step, ctx);
    case 'updateRecord':
      return updateRecordStep(step, ctx);
    case 'createRecord':
      return createRecordStep(step, ctx);
    case 'http': {
      const message = {
        idempotencyKey: ctx.effectKey,
        kind: 'http' as const,
        channel: 'http',
        connector: step.connector,
        subject: null,
        text: null,
        mentions: [],
        method: step.method,
        path: step.path,
        ...(step.body === undefined ? {} : { body: step.body }),
      };
      return { ...goTo(step.next), effect: await sendOnce(ctx, step.id, message) };
    }
    case 'approval':
    case 'wait':
      throw new StepFailed({
        'zh-CN': `流程引擎尚不支持「${step.type === 'approval' ? '审批' : '等待'}」步骤（${step.id}）`,
        en: `the workflow engine does not run ${step.type} steps yet (${step.id})`,
      });
  }
}
