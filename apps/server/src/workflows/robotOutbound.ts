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
 * A workflow HTTP step's path joined under the connector's base URL (its path and query kept). A
 * path that could leave the connector's origin — `//other.host`, backslashes, `..`, a query — is
 * refused, so a connector's secret headers only ever go to its own host.
 */
export function underBase(base: string, path: string): string {
  if (
    !/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(path) ||
    path.startsWith('//') ||
    path.split('/').includes('..')
  )
    throw new Error(`the path ${path} is not a plain path under the connector's URL`);
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  if (url.origin !== new URL(base).origin) throw new Error(`the path ${path} leaves the connector's host`);
  return url.toString();
}

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
      if (connector.disabled) throw new Error(`the connector ${connector.id} is disabled`);
      if (connector.sealedSecrets && !box)
        throw new Error('FORMBOARD_SECRET_KEY is not set, so the connector’s secrets cannot be read');
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
      const target = message.kind === 'http' && message.path ? underBase(url, message.path) : url;
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
