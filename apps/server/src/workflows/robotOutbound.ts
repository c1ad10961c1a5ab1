import type { Store } from '@formboard/storage';
import type { OutboundMessage, OutboundPort } from '@formboard/workflow';
import { allowedHosts } from '../connectors/runStoredConnector.ts';
import { guardedFetch } from '../outbound/guardedFetch.ts';
import type { SecretBox } from '../outbound/secretBox.ts';

/** The text of a message in the workspace's default language (robots post one text). */
const textOf = (message: OutboundMessage) => {
  const text = message.text;
  if (text === null) return '';
  return typeof text === 'string' ? text : (text['zh-CN'] ?? text.en ?? '');
};

/**
 * Delivers workflow notifications and HTTP calls through an admin-configured connector (its URL and
 * sealed header secrets), via the outbound guard, with the effect's idempotency key as a header so
 * the receiver can drop a repeat. Robot payloads use the common `{ msgtype: "text" }` shape that
 * DingTalk and WeCom robots accept; signed robot URLs are not supported yet.
 */
export function robotOutbound(store: Store, box: SecretBox | undefined): OutboundPort {
  return {
    async send(message) {
      const connector = await store.connectors.get(message.connector);
      const url = String(connector.config.url ?? '');
      const secrets =
        connector.sealedSecrets && box
          ? (JSON.parse(box.open(connector.sealedSecrets)) as Record<string, string>)
          : {};
      const body =
        message.kind === 'http'
          ? (message.body ?? '')
          : JSON.stringify({
              msgtype: 'text',
              text: { content: textOf(message) },
              at: { atUserIds: message.mentions },
            });
      const target = message.kind === 'http' && message.path ? new URL(message.path, url).toString() : url;
      const response = await guardedFetch(target, await allowedHosts(store), {
        method: message.method ?? 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
          ...secrets,
        },
        body,
      });
      if (response.status < 200 || response.status >= 300)
        throw new Error(`${message.connector} answered HTTP ${response.status}`);
    },
  };
}
