import { toJSONValue } from '@formboard/formula';
import { fillJsonTemplate, fillPlaceholders, fillUrlTemplate, type WorkflowStep } from '@formboard/schema';
import type { StepOutcome } from '@formboard/storage';
import { evaluateIn } from '../runScope.ts';
import { outboundOrigin, sendOnce } from './notifyStep.ts';
import { goTo, type StepContext } from './StepContext.ts';
import { StepFailed } from './StepFailed.ts';

type HttpStep = Extract<WorkflowStep, { type: 'http' }>;

// Requests are for machines: values are written as in English (yes/no, lists joined by ", ").
const LOCALE = 'en';

/**
 * The request's path with its placeholders filled URL-encoded, and its JSON body filled without
 * splicing text into JSON: text in strings, a lone placeholder as its JSON value (a number stays a
 * number), written by JSON.stringify. A body that is not JSON, or a lone value whose formula fails,
 * fails the run.
 */
function request(step: HttpStep, ctx: StepContext): { path: string; body?: string } {
  const text = (template: string) => fillPlaceholders(template, ctx.context, LOCALE);
  const path = fillUrlTemplate(step.path, (name) => text(`{{${name}}}`));
  if (step.body === undefined) return { path };
  const now = ctx.clock.now();
  try {
    const body = fillJsonTemplate(step.body, {
      text,
      value: (name) => {
        const value = evaluateIn(name, ctx.context, now);
        if (value instanceof Error) throw value;
        return toJSONValue(value);
      },
    });
    return { path, body };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new StepFailed({
      'zh-CN': `HTTP 步骤 ${step.id} 的请求体无法生成：${why}`,
      en: `the body of HTTP step ${step.id} could not be made: ${why}`,
    });
  }
}

/**
 * Calls the connector's API once per effect key: the request is made from the run's values when the
 * step first runs, recorded with the effect, and that same request is what every retry sends.
 */
export async function httpStep(step: HttpStep, ctx: StepContext): Promise<StepOutcome> {
  const message = {
    ...outboundOrigin(ctx, step.id),
    kind: 'http' as const,
    channel: 'http',
    connector: step.connector,
    subject: null,
    text: null,
    mentions: [],
    method: step.method,
    ...request(step, ctx),
  };
  return { ...goTo(step.next), effect: await sendOnce(ctx, step.id, message) };
}
