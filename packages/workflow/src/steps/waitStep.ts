import { civilMsAt, FormulaDate, toDate } from '@formboard/formula';
import { DEFAULT_TIME_ZONE, type WorkflowStep } from '@formboard/schema';
import { addDuration } from '../durations.ts';
import { evaluateIn, type RunContext } from '../runScope.ts';
import { goTo, type StepContext, type StepResult } from './StepContext.ts';
import { StepFailed } from './StepFailed.ts';

type WaitStep = Extract<WorkflowStep, { type: 'wait' }>;

// Formula dates hold civil time (the wall clock of the zone, as if UTC); the instant is that minus the
// zone's offset there — looked up twice, so a date next to a DST change lands right too.
function instantOf(date: FormulaDate, timeZone: string): Date {
  let instant = date.ms;
  for (let i = 0; i < 2; i++) instant = date.ms - (civilMsAt(instant, timeZone) - instant);
  return new Date(instant);
}

/** When the wait ends: `duration` after now, or the date (midnight when it has no time) `until` gives. */
function wakeTime(step: WaitStep, context: RunContext, now: Date): Date {
  if (step.duration !== undefined) return addDuration(now, step.duration);
  const timeZone = context.timeZone ?? DEFAULT_TIME_ZONE;
  const value = evaluateIn(step.until ?? '', context, now);
  const date = value instanceof Error ? value : toDate(value, timeZone);
  if (!(date instanceof FormulaDate)) {
    throw new StepFailed({
      'zh-CN': `等待步骤 ${step.id} 的 until 没有给出日期：${date.message}`,
      en: `the until of wait step ${step.id} gave no date: ${date.message}`,
    });
  }
  return instantOf(date, timeZone);
}

/**
 * Waits until an instant fixed the first time the step runs (recorded under its effect key, so a
 * restart waits for the same instant): parks the run with that wake time, and goes on once a tick
 * finds it has come.
 */
export async function waitStep(step: WaitStep, ctx: StepContext): Promise<StepResult> {
  const now = ctx.clock.now();
  const runs = ctx.store.workflows.runs;
  const effect =
    (await runs.effect(ctx.effectKey)) ??
    (await runs.beginEffect({
      key: ctx.effectKey,
      runId: ctx.run.id,
      stepId: step.id,
      kind: 'wait',
      payload: { until: wakeTime(step, ctx.context, now).toISOString() },
    }));
  const { until } = effect.payload as { until: string };
  if (Date.parse(until) <= now.getTime()) {
    return {
      ...goTo(step.next),
      effect: { key: effect.key, stepId: step.id, kind: 'wait', payload: effect.payload, result: null },
    };
  }
  await runs.park(ctx.run.id, ctx.run.stepSeq, until);
  return { parked: true };
}
