import type { WorkflowStep } from '@formboard/schema';
import type { StepOutcome } from '@formboard/storage';
import { resolveAssignees } from '../assignees.ts';
import { renderText } from '../render.ts';
import type { OutboundMessage } from '../types.ts';
import { goTo, type StepContext } from './StepContext.ts';
import { StepFailed } from './StepFailed.ts';

type NotifyStep = Extract<WorkflowStep, { type: 'notify' }>;

function alertIdOf(variables: Readonly<Record<string, unknown>>): string | null {
  const alert = variables.alert as { id?: unknown } | undefined;
  return typeof alert?.id === 'string' ? alert.id : null;
}

/**
 * Inbox messages are written with the step's advance, in one transaction: exactly once. Robot and
 * webhook messages go through the outbound port: the effect is recorded first, sent with its key,
 * then marked done with the step's advance (see `sendOnce`).
 */
export async function notifyStep(step: NotifyStep, ctx: StepContext): Promise<StepOutcome> {
  const to = step.to ? await resolveAssignees(ctx.store, step.to, ctx.context) : [];
  const subject = step.subject ? renderText(step.subject, ctx.context) : null;
  const text = renderText(step.message, ctx.context);
  const base = { key: ctx.effectKey, stepId: step.id };
  if (step.channel === 'inbox') {
    const alertId = alertIdOf(ctx.context.variables);
    const inbox = to.map((userId) => ({ userId, subject, message: text, alertId }));
    return { ...goTo(step.next), effect: { ...base, kind: 'inbox', payload: { to }, result: null }, inbox };
  }
  if (!step.connector) {
    throw new StepFailed({
      'zh-CN': `通知步骤 ${step.id} 缺少连接`,
      en: `notify step ${step.id} has no connector`,
    });
  }
  const message: OutboundMessage = {
    ...outboundOrigin(ctx, step.id),
    kind: 'notify',
    channel: step.channel,
    connector: step.connector,
    subject,
    text,
    mentions: to,
  };
  return { ...goTo(step.next), effect: await sendOnce(ctx, step.id, message) };
}

/** Where an outbound message comes from: its idempotency key, the run and step, and when it was made. */
export function outboundOrigin(ctx: StepContext, stepId: string) {
  return {
    idempotencyKey: ctx.effectKey,
    workflowId: ctx.run.workflowId,
    runId: ctx.run.id,
    stepId,
    createdAt: ctx.clock.now().toISOString(),
  };
}

/**
 * Records an outbound message under its key (with the run's steps not written yet, in one
 * transaction), sends it unless it is done already, and says what to mark done — which the walk
 * writes as soon as the answer is in, alone. The lease on the run is renewed right before the call,
 * so no other engine makes it too. Every attempt sends the payload first recorded, with its key.
 */
export async function sendOnce(
  ctx: StepContext,
  stepId: string,
  message: OutboundMessage,
): Promise<NonNullable<StepOutcome['effect']>> {
  const effect = await ctx.beginEffect({
    key: ctx.effectKey,
    runId: ctx.run.id,
    stepId,
    kind: 'outbound',
    payload: message,
  });
  if (effect.status !== 'done') await ctx.keepLease();
  const result =
    effect.status === 'done' ? effect.result : await ctx.outbound.send(effect.payload as OutboundMessage);
  return { key: effect.key, stepId, kind: 'outbound', payload: effect.payload, result: result ?? null };
}
