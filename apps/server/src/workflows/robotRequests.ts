import type { OutboundMessage, RenderedText } from '@formboard/workflow';
import { dingtalkSignature, feishuSignature, standardWebhookSignature } from './robotSigning.ts';

/** Where and how a connector delivers: its URL, header secrets and (optional) signing secret. */
export interface Delivery {
  readonly url: string;
  /** Header values sent as they are (e.g. Authorization). */
  readonly headers: Readonly<Record<string, string>>;
  /** DingTalk `SEC…`, Feishu signing secret, or a webhook's `whsec_…`: signs instead of being sent. */
  readonly signingSecret?: string;
}

/** An HTTP request ready to go out. */
export interface OutboundRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

// Robots post one text: the workspace's default language, zh-CN (en when a template has only that).
const zh = (text: RenderedText | null): string => (text === null ? '' : text['zh-CN'] || text.en);

// WeCom refuses text over 2,048 and markdown over 4,096 UTF-8 bytes: cut (on a character) to fit.
function fitBytes(text: string, limit: number): string {
  if (Buffer.byteLength(text) <= limit) return text;
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(`${out}${char}…`) > limit) break;
    out += char;
  }
  return `${out}…`;
}

const xml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * DingTalk group robot: markdown (with the subject as its title) or text; the users to @ are named
 * in `at.atUserIds` and written into the text, where DingTalk highlights them.
 */
function dingtalkBody(message: OutboundMessage): unknown {
  const mentions = message.mentions.map((id) => `@${id}`).join(' ');
  const text = mentions ? `${zh(message.text)}\n\n${mentions}` : zh(message.text);
  const at = { atUserIds: message.mentions, isAtAll: false };
  return message.subject
    ? { msgtype: 'markdown', markdown: { title: zh(message.subject), text }, at }
    : { msgtype: 'text', text: { content: text }, at };
}

/** WeCom (企业微信) group robot: text with `mentioned_list`, or markdown with `<@userid>` mentions. */
function wecomBody(message: OutboundMessage): unknown {
  if (!message.subject)
    return {
      msgtype: 'text',
      text: { content: fitBytes(zh(message.text), 2048), mentioned_list: message.mentions },
    };
  const mentions = message.mentions.map((id) => `<@${id}>`).join(' ');
  const content = `**${zh(message.subject)}**\n${zh(message.text)}${mentions ? `\n${mentions}` : ''}`;
  return { msgtype: 'markdown', markdown: { content: fitBytes(content, 4096) } };
}

/** Feishu custom bot: text with `<at>` tags, or a rich-text post in both languages with the subject as title. */
function feishuBody(message: OutboundMessage): Record<string, unknown> {
  if (!message.subject) {
    const ats = message.mentions.map((id) => ` <at user_id="${xml(id)}">${xml(id)}</at>`).join('');
    return { msg_type: 'text', content: { text: `${zh(message.text)}${ats}` } };
  }
  const post = (locale: 'zh-CN' | 'en') => {
    const lines = (message.text?.[locale] ?? '').split('\n').map((line) => [{ tag: 'text', text: line }]);
    const ats = message.mentions.map((id) => ({ tag: 'at', user_id: id }));
    return { title: message.subject?.[locale] ?? '', content: ats.length ? [...lines, ats] : lines };
  };
  return { msg_type: 'post', content: { post: { zh_cn: post('zh-CN'), en_us: post('en') } } };
}

/** A generic webhook's JSON (Standard Webhooks shape): type, the message's time, and the message. */
function webhookBody(message: OutboundMessage, nowMs: number): unknown {
  return {
    type: 'workflow.notify',
    timestamp: message.createdAt ?? new Date(nowMs).toISOString(),
    data: {
      workflowId: message.workflowId ?? null,
      runId: message.runId ?? null,
      stepId: message.stepId ?? null,
      subject: message.subject,
      text: message.text,
      mentions: message.mentions,
    },
  };
}

/**
 * The HTTP request that delivers a workflow message through a connector, signed as its platform
 * documents when the connector has a signing secret: DingTalk in the URL query, Feishu in the body,
 * webhooks and HTTP steps with Standard Webhooks headers. Every request carries the effect's
 * `Idempotency-Key` (also the webhook's `webhook-id`), the same on every attempt. `target` is the
 * URL to call (for an HTTP step, the step's path under the connector's URL).
 */
export function buildRequest(
  message: OutboundMessage,
  delivery: Delivery,
  target: string,
  nowMs: number,
): OutboundRequest {
  const seconds = Math.floor(nowMs / 1000);
  const secret = delivery.signingSecret;
  const headers: Record<string, string> = {
    ...delivery.headers,
    'content-type': 'application/json',
    'idempotency-key': message.idempotencyKey,
  };
  const url = new URL(target);
  let body: string;
  if (message.kind === 'http') body = message.body ?? '';
  else if (message.channel === 'dingtalk') {
    body = JSON.stringify(dingtalkBody(message));
    if (secret) {
      url.searchParams.set('timestamp', String(nowMs));
      url.searchParams.set('sign', dingtalkSignature(secret, nowMs));
    }
  } else if (message.channel === 'wecom') body = JSON.stringify(wecomBody(message));
  else if (message.channel === 'feishu') {
    const signed = secret ? { timestamp: String(seconds), sign: feishuSignature(secret, seconds) } : {};
    body = JSON.stringify({ ...signed, ...feishuBody(message) });
  } else body = JSON.stringify(webhookBody(message, nowMs));
  if (message.kind === 'http' || message.channel === 'webhook') {
    headers['webhook-id'] = message.idempotencyKey;
    headers['webhook-timestamp'] = String(seconds);
    if (secret)
      headers['webhook-signature'] = standardWebhookSignature(secret, message.idempotencyKey, seconds, body);
  }
  return { url: url.toString(), method: message.method ?? 'POST', headers, body };
}
