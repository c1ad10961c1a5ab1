import type { OutboundMessage } from '@formboard/workflow';
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../src/workflows/robotRequests.ts';
import {
  dingtalkSignature,
  feishuSignature,
  standardWebhookSignature,
} from '../../src/workflows/robotSigning.ts';

const NOW = 1_772_589_600_123; // 2026-03-04T02:00:00.123Z

const message = (channel: string, over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  idempotencyKey: 'run-1/3/tellTeam',
  kind: 'notify',
  channel,
  connector: 'team-robot',
  subject: null,
  text: { 'zh-CN': '张三 的 KPI 连续 2 周低于 60', en: "Zhang San's KPI below 60 for 2 weeks" },
  mentions: ['lead1'],
  workflowId: 'kpi-below-baseline',
  runId: 'run-1',
  stepId: 'tellTeam',
  createdAt: '2026-03-04T01:59:59.000Z',
  ...over,
});

const subject = { 'zh-CN': '绩效预警', en: 'Performance alert' };
const body = (request: { body: string }) => JSON.parse(request.body) as Record<string, unknown>;

describe('robot and webhook requests in their documented shapes', () => {
  it('DingTalk: text or markdown with at.atUserIds, signed in the URL query when the robot has 加签', () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=abc';
    const plain = buildRequest(message('dingtalk'), { url, headers: {} }, url, NOW);
    expect(plain.url).toBe(url);
    expect(body(plain)).toEqual({
      msgtype: 'text',
      text: { content: '张三 的 KPI 连续 2 周低于 60\n\n@lead1' },
      at: { atUserIds: ['lead1'], isAtAll: false },
    });
    const signed = buildRequest(
      message('dingtalk', { subject }),
      { url, headers: {}, signingSecret: 'SECxyz' },
      url,
      NOW,
    );
    const query = new URL(signed.url).searchParams;
    expect(query.get('access_token')).toBe('abc');
    expect(query.get('timestamp')).toBe(String(NOW));
    expect(query.get('sign')).toBe(dingtalkSignature('SECxyz', NOW));
    expect(body(signed)).toEqual({
      msgtype: 'markdown',
      markdown: { title: '绩效预警', text: '张三 的 KPI 连续 2 周低于 60\n\n@lead1' },
      at: { atUserIds: ['lead1'], isAtAll: false },
    });
    expect(signed.headers).toMatchObject({
      'idempotency-key': 'run-1/3/tellTeam',
      'content-type': 'application/json',
    });
  });

  it('WeCom: text with mentioned_list, markdown with <@userid>, cut to its byte limits', () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k';
    expect(body(buildRequest(message('wecom'), { url, headers: {} }, url, NOW))).toEqual({
      msgtype: 'text',
      text: { content: '张三 的 KPI 连续 2 周低于 60', mentioned_list: ['lead1'] },
    });
    expect(body(buildRequest(message('wecom', { subject }), { url, headers: {} }, url, NOW))).toEqual({
      msgtype: 'markdown',
      markdown: { content: '**绩效预警**\n张三 的 KPI 连续 2 周低于 60\n<@lead1>' },
    });
    const long = message('wecom', { text: { 'zh-CN': '长'.repeat(1000), en: '' } });
    const content = (body(buildRequest(long, { url, headers: {} }, url, NOW)).text as { content: string })
      .content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
    expect(content.endsWith('…')).toBe(true);
  });

  it('Feishu: text with <at> tags or a post in zh_cn and en_us, with timestamp and sign in the body', () => {
    const url = 'https://open.feishu.cn/open-apis/bot/v2/hook/xyz';
    const signed = buildRequest(
      message('feishu'),
      { url, headers: {}, signingSecret: 'fs-secret' },
      url,
      NOW,
    );
    const seconds = Math.floor(NOW / 1000);
    expect(body(signed)).toEqual({
      timestamp: String(seconds),
      sign: feishuSignature('fs-secret', seconds),
      msg_type: 'text',
      content: { text: '张三 的 KPI 连续 2 周低于 60 <at user_id="lead1">lead1</at>' },
    });
    const post = body(buildRequest(message('feishu', { subject }), { url, headers: {} }, url, NOW));
    expect(post).toEqual({
      msg_type: 'post',
      content: {
        post: {
          zh_cn: {
            title: '绩效预警',
            content: [
              [{ tag: 'text', text: '张三 的 KPI 连续 2 周低于 60' }],
              [{ tag: 'at', user_id: 'lead1' }],
            ],
          },
          en_us: {
            title: 'Performance alert',
            content: [
              [{ tag: 'text', text: "Zhang San's KPI below 60 for 2 weeks" }],
              [{ tag: 'at', user_id: 'lead1' }],
            ],
          },
        },
      },
    });
  });

  it('webhook: Standard Webhooks JSON and headers, webhook-id = the idempotency key, signed with whsec_', () => {
    const url = 'https://hr.example.com/hooks/formboard';
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const request = buildRequest(
      message('webhook', { subject }),
      { url, headers: { authorization: 'Bearer t' }, signingSecret: secret },
      url,
      NOW,
    );
    expect(body(request)).toEqual({
      type: 'workflow.notify',
      timestamp: '2026-03-04T01:59:59.000Z',
      data: {
        workflowId: 'kpi-below-baseline',
        runId: 'run-1',
        stepId: 'tellTeam',
        subject,
        text: message('webhook').text,
        mentions: ['lead1'],
      },
    });
    const seconds = Math.floor(NOW / 1000);
    expect(request.headers).toEqual({
      authorization: 'Bearer t',
      'content-type': 'application/json',
      'idempotency-key': 'run-1/3/tellTeam',
      'webhook-id': 'run-1/3/tellTeam',
      'webhook-timestamp': String(seconds),
      'webhook-signature': standardWebhookSignature(secret, 'run-1/3/tellTeam', seconds, request.body),
    });
  });

  it('HTTP step: the step body as it is, to the given URL with the method, signed when the connector signs', () => {
    const http = message('http', {
      kind: 'http',
      method: 'PUT',
      path: '/orders/7',
      body: '{"done":true}',
      subject: null,
      text: null,
      mentions: [],
    });
    const request = buildRequest(
      http,
      { url: 'https://erp.example.com/api', headers: {} },
      'https://erp.example.com/api/orders/7',
      NOW,
    );
    expect(request).toMatchObject({
      method: 'PUT',
      url: 'https://erp.example.com/api/orders/7',
      body: '{"done":true}',
    });
    expect(request.headers['webhook-signature']).toBeUndefined();
    expect(request.headers['idempotency-key']).toBe('run-1/3/tellTeam');
  });
});
