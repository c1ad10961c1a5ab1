import { createHmac } from 'node:crypto';

// The signature algorithms the robot platforms document, each checked against their published
// sample code by known-answer tests (apps/server/tests/workflows/robotSigning.test.ts).

/**
 * DingTalk custom robot (自定义机器人「加签」): HMAC-SHA256 keyed with the `SEC…` secret over
 * `timestamp + "\n" + secret`, Base64. The timestamp is in milliseconds and must be within an hour of
 * DingTalk's clock; both go into the webhook URL's query (`&timestamp=…&sign=…`, URL-encoded).
 */
export function dingtalkSignature(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/**
 * Feishu custom bot (自定义机器人「签名校验」): HMAC-SHA256 keyed with `timestamp + "\n" + secret`
 * over an empty message, Base64. The timestamp is in seconds; both go into the JSON body.
 */
export function feishuSignature(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/**
 * Standard Webhooks (standardwebhooks.com) symmetric signature, the `webhook-signature` header:
 * `v1,` + Base64 HMAC-SHA256 keyed with the secret's bytes (`whsec_` + Base64) over
 * `msgId + "." + timestampSeconds + "." + body`.
 */
export function standardWebhookSignature(
  secret: string,
  msgId: string,
  timestampSeconds: number,
  body: string,
): string {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  const mac = createHmac('sha256', key).update(`${msgId}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}
