import { StepFailed } from '@formboard/workflow';
import type { OutboundResponse } from '../outbound/guardedFetch.ts';

/** Robot error codes that mean "too many messages, try later" (each platform limits messages per minute). */
const THROTTLED: Readonly<Record<string, readonly number[]>> = {
  dingtalk: [130101], // send too fast
  wecom: [45009, -1], // api freq out of limit; system busy
  feishu: [11232], // frequency limited
};

const PLATFORM: Readonly<Record<string, { 'zh-CN': string; en: string }>> = {
  dingtalk: { 'zh-CN': '钉钉机器人', en: 'The DingTalk robot' },
  wecom: { 'zh-CN': '企业微信机器人', en: 'The WeCom robot' },
  feishu: { 'zh-CN': '飞书机器人', en: 'The Feishu bot' },
};

// The error code a robot answered with: DingTalk and WeCom say `errcode`, Feishu `code` (older
// answers `StatusCode`); 0 is success.
function robotCode(body: string): { code: number; text: string } | undefined {
  try {
    const answer = JSON.parse(body) as Record<string, unknown>;
    const code = answer.errcode ?? answer.code ?? answer.StatusCode;
    if (typeof code !== 'number') return undefined;
    return { code, text: String(answer.errmsg ?? answer.msg ?? answer.StatusMessage ?? '') };
  } catch {
    return undefined;
  }
}

/**
 * Reads a delivery's answer: returns what to record for a success; throws a plain Error when trying
 * again may help (HTTP 408, 425, 429, 5xx, a robot's rate limit) so the engine retries with backoff,
 * and `StepFailed` when the receiver refused the message for good (other 4xx, a robot's error code
 * such as a bad signature or a missing keyword) so the run fails with the reason.
 */
export function readAnswer(
  channel: string,
  connector: string,
  response: OutboundResponse,
): { status: number } {
  const { status } = response;
  if (status === 408 || status === 425 || status === 429 || status >= 500)
    throw new Error(`${connector} answered HTTP ${status}`);
  if (status < 200 || status >= 300) {
    throw new StepFailed({
      'zh-CN': `${connector} 拒绝了请求（HTTP ${status}）`,
      en: `${connector} refused the request (HTTP ${status})`,
    });
  }
  const platform = PLATFORM[channel];
  const answer = platform ? robotCode(response.body) : undefined;
  if (!platform || !answer || answer.code === 0) return { status };
  if (THROTTLED[channel]?.includes(answer.code))
    throw new Error(`${connector}: ${answer.code} ${answer.text}`);
  throw new StepFailed({
    'zh-CN': `${platform['zh-CN']}拒绝了消息（${answer.code}：${answer.text}）`,
    en: `${platform.en} refused the message (${answer.code}: ${answer.text})`,
  });
}
