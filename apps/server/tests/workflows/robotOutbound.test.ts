import { openStore, type Store } from '@formboard/storage';
import { freshSqliteFile } from '@formboard/storage/testing';
import { type OutboundMessage, StepFailed } from '@formboard/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_HOSTS_SETTING } from '../../src/connectors/runStoredConnector.ts';
import { newSecretKey, secretBox } from '../../src/outbound/secretBox.ts';
import { robotOutbound, SIGNING_SECRET } from '../../src/workflows/robotOutbound.ts';
import { dingtalkSignature, standardWebhookSignature } from '../../src/workflows/robotSigning.ts';
import { type Answer, startWebhookReceiver, type WebhookReceiver } from './support/webhookReceiver.ts';

const NOW = 1_772_589_600_000;

const notify = (channel: string, connector: string): OutboundMessage => ({
  idempotencyKey: `run-1/2/${connector}`,
  kind: 'notify',
  channel,
  connector,
  subject: null,
  text: { 'zh-CN': '请复核', en: 'Please review' },
  mentions: [],
});

describe('robot and webhook delivery through connectors, to a receiver on 127.0.0.1', () => {
  let store: Store;
  let receiver: WebhookReceiver;
  let answers: Answer[] = [];
  const box = secretBox(newSecretKey());

  beforeAll(async () => {
    receiver = await startWebhookReceiver(() => answers.shift() ?? { status: 200 });
    store = await openStore({ database: freshSqliteFile() });
    await store.connectors.setSetting(
      ALLOWED_HOSTS_SETTING,
      [{ host: '127.0.0.1', allowPrivate: true }],
      'admin',
    );
    const connector = async (id: string, path: string, secrets: Record<string, string>) =>
      store.connectors.save(
        {
          id,
          name: id,
          config: { url: `${receiver.url}${path}` },
          sealedSecrets: box.seal(JSON.stringify(secrets)),
        },
        'admin',
      );
    await connector('ding', '/robot/send?access_token=abc', { [SIGNING_SECRET]: 'SECding' });
    await connector('hook', '/hooks', {
      [SIGNING_SECRET]: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      authorization: 'Bearer t',
    });
  });
  afterAll(async () => {
    await store.close();
    await receiver.close();
  });

  const outbound = () => robotOutbound(store, box, () => NOW);

  it('signs a DingTalk message in the URL and sends the signing secret nowhere', async () => {
    expect(await outbound().send(notify('dingtalk', 'ding'))).toEqual({ status: 200 });
    const got = receiver.received.at(-1);
    const query = new URL(got?.url ?? '', receiver.url).searchParams;
    expect(query.get('access_token')).toBe('abc');
    expect(query.get('sign')).toBe(dingtalkSignature('SECding', NOW));
    expect(Object.values(got?.headers ?? {})).not.toContain('SECding');
    expect(got?.body).not.toContain('SECding');
    expect(got?.headers['idempotency-key']).toBe('run-1/2/ding');
  });

  it('signs a webhook as Standard Webhooks receivers verify it, with the header secrets', async () => {
    await outbound().send(notify('webhook', 'hook'));
    const got = receiver.received.at(-1);
    const [id, timestamp, signature] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) =>
      String(got?.headers[h]),
    );
    expect(got?.headers.authorization).toBe('Bearer t');
    expect(signature).toBe(
      standardWebhookSignature(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        id ?? '',
        Number(timestamp),
        got?.body ?? '',
      ),
    );
    expect(got?.headers[SIGNING_SECRET.toLowerCase()]).toBeUndefined();
  });

  it('throws a plain error when trying again may help, so the engine retries', async () => {
    answers = [
      { status: 503 },
      { status: 429 },
      { status: 200, body: '{"errcode":130101,"errmsg":"send too fast, exceed 20 times per minute"}' },
    ];
    for (let i = 0; i < 3; i++) {
      const error = await outbound()
        .send(notify('dingtalk', 'ding'))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(StepFailed);
    }
  });

  it('fails for good (StepFailed, in zh-CN and en) when the receiver refuses the message', async () => {
    answers = [
      { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' },
      { status: 400, body: '{}' },
    ];
    await expect(outbound().send(notify('dingtalk', 'ding'))).rejects.toMatchObject({
      name: 'StepFailed',
      messages: {
        'zh-CN': '钉钉机器人拒绝了消息（310000：sign not match）',
        en: expect.stringContaining('310000'),
      },
    });
    await expect(outbound().send(notify('webhook', 'hook'))).rejects.toMatchObject({
      messages: { en: 'hook refused the request (HTTP 400)' },
    });
  });

  it('refuses a host that is not on the allow-list before connecting', async () => {
    await store.connectors.save(
      { id: 'elsewhere', name: 'x', config: { url: 'http://10.0.0.1/hook' } },
      'admin',
    );
    const before = receiver.received.length;
    await expect(outbound().send(notify('webhook', 'elsewhere'))).rejects.toThrow(/allowed outbound hosts/);
    expect(receiver.received).toHaveLength(before);
  });
});
