import type { WorkflowStep } from '@formboard/schema';
import type { InboxDelivery } from '@formboard/storage';
import { renderText } from '../render.ts';
import type { RunContext } from '../runScope.ts';
import type { RenderedText } from '../types.ts';

type ApprovalStep = Extract<WorkflowStep, { type: 'approval' }>;

/** The approval's title: the step's title filled from the run, or its id. */
export function approvalTitle(step: ApprovalStep, context: RunContext): RenderedText {
  return step.title ? renderText(step.title, context) : { 'zh-CN': step.id, en: step.id };
}

// Due times are shown in the run's time zone ("2026-03-06 10:00"); sv-SE formats dates that way.
function local(iso: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  return format.format(new Date(iso));
}

/** Why an inbox message about an approval is sent. */
export type ApprovalNotice = 'ask' | 'remind' | 'escalate';

/** The inbox messages of an approval to `users`: asking them, reminding them, or escalating to them. */
export function approvalInbox(
  notice: ApprovalNotice,
  approval: {
    readonly id: string;
    readonly title: Readonly<Record<string, string>>;
    readonly dueAt: string | null;
  },
  users: readonly string[],
  timeZone: string,
): InboxDelivery[] {
  const title = { 'zh-CN': approval.title['zh-CN'] ?? '', en: approval.title.en ?? '' };
  const due = approval.dueAt ? local(approval.dueAt, timeZone) : null;
  const subject = {
    ask: { 'zh-CN': `待审批：${title['zh-CN']}`, en: `Approval needed: ${title.en}` },
    remind: { 'zh-CN': `审批已到期：${title['zh-CN']}`, en: `Approval overdue: ${title.en}` },
    escalate: { 'zh-CN': `审批升级：${title['zh-CN']}`, en: `Approval escalated: ${title.en}` },
  }[notice];
  const message = {
    ask: {
      'zh-CN': due ? `请在 ${due} 前审批「${title['zh-CN']}」。` : `请审批「${title['zh-CN']}」。`,
      en: due ? `Please decide "${title.en}" by ${due}.` : `Please decide "${title.en}".`,
    },
    remind: {
      'zh-CN': `「${title['zh-CN']}」已超过处理期限（${due ?? ''}），请尽快审批。`,
      en: `"${title.en}" is past its due time (${due ?? ''}); please decide it.`,
    },
    escalate: {
      'zh-CN': `「${title['zh-CN']}」逾期未处理，已升级给你，你可以直接审批。`,
      en: `"${title.en}" was not decided in time and was escalated to you; you may decide it.`,
    },
  }[notice];
  return users.map((userId) => ({ userId, subject, message, alertId: null, approvalId: approval.id }));
}
