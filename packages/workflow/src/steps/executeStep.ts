import type { WorkflowStep } from '@formboard/schema';
import { approvalStep } from '../approvals/approvalStep.ts';
import { holds } from '../runScope.ts';
import { httpStep } from './httpStep.ts';
import { notifyStep } from './notifyStep.ts';
import { createRecordStep, updateRecordStep } from './recordSteps.ts';
import { goTo, type StepContext, type StepResult } from './StepContext.ts';
import { waitStep } from './waitStep.ts';

/**
 * Does one step and says where the run goes next. Steps with a side effect record it under the step's
 * effect key first (or hand it to the advance transaction), so doing the step again after a crash
 * finds the effect instead of repeating it.
 */
export async function executeStep(step: WorkflowStep, ctx: StepContext): Promise<StepResult> {
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
    case 'http':
      return httpStep(step, ctx);
    case 'approval':
      return approvalStep(step, ctx);
    case 'wait':
      return waitStep(step, ctx);
  }
}
