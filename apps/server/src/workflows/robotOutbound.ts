import type { Store } from '@formboard/storage';
import type { OutboundPort } from '@formboard/workflow';
import { allowedHosts } from '../connectors/runStoredConnector.ts';
import { guardedFetch } from '../outbound/guardedFetch.ts';
import type { SecretBox } from '../outbound/secretBox.ts';
import { readAnswer } from './robotAnswers.ts';
import { buildRequest, type Delivery } from './robotRequests.ts';

/** The secret of a connector that signs messages (never sent as a header). */
export const SIGNING_SECRET = 'signingSecret';

/** How long one delivery may wait for the receiver: far inside half the engine's 60-second lease. */
const TIMEOUT_MS = 10_000;

// A segment that walks up or stays put, however it is written (`..`, `%2e%2E`): URLs resolve them.
function isDotSegment(segment: string): boolean {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return false;
  }
  return decoded === '.' || decoded === '..';
}

/**
 * A workflow HTTP step's path (and query) joined under the connector's base URL (its path and query
 * kept, the step's query parameters after the base's). A path that could leave the connector's origin or base path —
 * `//other.host`, backslashes, `..` or `.` segments however encoded — is refused, so a connector's
 * secret headers only ever go to its own host. Placeholders were filled URL-encoded already.
 */
export function underBase(base: string, pathAndQuery: string): string {
  const at = pathAndQuery.indexOf('?');
  const path = at < 0 ? pathAndQuery : pathAndQuery.slice(0, at);
  const query = at < 0 ? '' : pathAndQuery.slice(at + 1);
  if (
    !/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(path) ||
    !/^[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*$/.test(query) ||
    path.startsWith('//') ||
    path.split('/').some(isDotSegment)
  )
    throw new Error(`the path ${pathAndQuery} is not a plain path under the connector's URL`);
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  // The base's own query (an access token) stays; the step's parameters follow it, as written.
  if (query) url.search = url.search ? `${url.search.slice(1)}&${query}` : query;
  if (url.origin !== new URL(base).origin)
    throw new Error(`the path ${pathAndQuery} leaves the connector's host`);
  return url.toString();
}

/** A connector's URL, header secrets and signing secret (its secrets opened with the server's key). */
async function deliveryOf(store: Store, box: SecretBox | undefined, id: string): Promise<Delivery> {
  const connector = await store.connectors.get(id);
  if (connector.disabled) throw new Error(`the connector ${connector.id} is disabled`);
  if (connector.sealedSecrets && !box)
    throw new Error('FORMBOARD_SECRET_KEY is not set, so the connector’s secrets cannot be read');
  const secrets =
    connector.sealedSecrets && box
      ? (JSON.parse(box.open(connector.sealedSecrets)) as Record<string, string>)
      : {};
  const { [SIGNING_SECRET]: signingSecret, ...headers } = secrets;
  return { url: String(connector.config.url ?? ''), headers, ...(signingSecret ? { signingSecret } : {}) };
}

/**
 * Delivers workflow notifications and HTTP calls through an admin-configured connector (its URL,
 * sealed header secrets and optional signing secret), via the outbound guard (allow-list, no private
 * addresses unless allowed), in the shape and with the signature of its platform: DingTalk, WeCom
 * and Feishu group robots, a Standard Webhooks JSON webhook, or a plain HTTP request. Each request
 * carries the effect's idempotency key, so a receiver can drop the repeat a crash mid-call causes.
 * Failures that may heal are thrown as plain errors (the engine retries with backoff), refusals as
 * `StepFailed` (see `readAnswer`).
 */
export function robotOutbound(
  store: Store,
  box: SecretBox | undefined,
  clock: () => number = Date.now,
): OutboundPort {
  return {
    async send(message) {
      // Both reads at once: on SQLite they then wait for one commit in the queue, not two.
      const [delivery, hosts] = await Promise.all([
        deliveryOf(store, box, message.connector),
        allowedHosts(store),
      ]);
      const target =
        message.kind === 'http' && message.path ? underBase(delivery.url, message.path) : delivery.url;
      const request = buildRequest(message, delivery, target, clock());
      const response = await guardedFetch(request.url, hosts, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        timeoutMs: TIMEOUT_MS,
        maxBytes: 1024 * 1024,
      });
      return readAnswer(message.kind === 'http' ? 'http' : message.channel, message.connector, response);
    },
  };
}
