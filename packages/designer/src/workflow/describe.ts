import type { LocalizedMessage } from '@formboard/formula';
import type { AssigneeRule } from '@formboard/schema';

/** A field's label in both locales, for descriptions ("负责人" rather than `owner`). */
export type FieldLabel = (path: string) => LocalizedMessage;

const plain = (path: string): LocalizedMessage => ({ 'zh-CN': path, en: path });

const LEVELS_ZH = ['', '直属主管', '隔级主管（上 2 级）', '上 3 级主管', '上 4 级主管', '上 5 级主管'];

/** Who an assignee rule names, in words (not resolved against the org chart). */
export function describeAssignee(rule: AssigneeRule, label: FieldLabel = plain): LocalizedMessage {
  switch (rule.type) {
    case 'user':
      return { 'zh-CN': `用户 ${rule.id}`, en: `the user ${rule.id}` };
    case 'role':
      return { 'zh-CN': `角色 ${rule.role} 的所有人`, en: `everyone with the role ${rule.role}` };
    case 'field': {
      const name = label(rule.path);
      return { 'zh-CN': `字段“${name['zh-CN']}”中的人`, en: `the people in “${name.en}”` };
    }
    case 'submitter':
      return { 'zh-CN': '提交人', en: 'the submitter' };
    case 'supervisor': {
      const levels = rule.levels ?? 1;
      const whose =
        rule.of === 'submitter'
          ? { 'zh-CN': '提交人', en: 'the submitter' }
          : (() => {
              const name = label(rule.of);
              return { 'zh-CN': `“${name['zh-CN']}”`, en: `“${name.en}”` };
            })();
      const en =
        levels === 1
          ? `the direct supervisor of ${whose.en}`
          : `the supervisor ${levels} levels above ${whose.en}`;
      return { 'zh-CN': `${whose['zh-CN']}的${LEVELS_ZH[levels] ?? `上 ${levels} 级主管`}`, en };
    }
  }
}

/** Several assignee rules in words, joined. */
export function describeAssignees(rules: readonly AssigneeRule[], label?: FieldLabel): LocalizedMessage {
  const each = rules.map((r) => describeAssignee(r, label));
  return { 'zh-CN': each.map((d) => d['zh-CN']).join('、'), en: each.map((d) => d.en).join(', ') };
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const UNITS: readonly [string, string, string][] = [
  ['年', 'year', 'years'],
  ['个月', 'month', 'months'],
  ['周', 'week', 'weeks'],
  ['天', 'day', 'days'],
  ['小时', 'hour', 'hours'],
  ['分钟', 'minute', 'minutes'],
  ['秒', 'second', 'seconds'],
];

/** An ISO 8601 duration in words: "P2D" → "2 天" / "2 days"; the text itself when it is not one. */
export function describeDuration(text: string): LocalizedMessage {
  const match = DURATION.exec(text);
  if (!match || text === 'P') return { 'zh-CN': text, en: text };
  const zh: string[] = [];
  const en: string[] = [];
  match.slice(1).forEach((part, i) => {
    if (part === undefined || Number(part) === 0) return;
    const [unitZh, one, many] = UNITS[i] as [string, string, string];
    zh.push(`${part} ${unitZh}`);
    en.push(`${part} ${Number(part) === 1 ? one : many}`);
  });
  return { 'zh-CN': zh.join(' '), en: en.join(' ') };
}

/** What each notification channel is called. */
export const CHANNEL_NAMES: Readonly<
  Record<'inbox' | 'dingtalk' | 'wecom' | 'feishu' | 'webhook', LocalizedMessage>
> = {
  inbox: { 'zh-CN': '站内信', en: 'Inbox' },
  dingtalk: { 'zh-CN': '钉钉群机器人', en: 'DingTalk group robot' },
  wecom: { 'zh-CN': '企业微信群机器人', en: 'WeCom group robot' },
  feishu: { 'zh-CN': '飞书机器人', en: 'Feishu robot' },
  webhook: { 'zh-CN': 'Webhook（签名 JSON）', en: 'Webhook (signed JSON)' },
};
