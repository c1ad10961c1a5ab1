import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the receiver got. */
export interface Received {
  readonly method: string;
  /** Path and query. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** When its body had arrived (ms), before it was answered. */
  readonly at: number;
  /** When the answer was handed to the connection (ms); unset while unanswered, or when the sender left. */
  answeredAt?: number;
  /** The status answered. */
  status?: number;
}

/** How the receiver answers a request: a status and a body (JSON text). */
export type Answer = { readonly status: number; readonly body?: string };

/** A local HTTP receiver on 127.0.0.1 that keeps every request, for robot and webhook tests. */
export interface WebhookReceiver {
  readonly url: string;
  readonly received: Received[];
  /** Distinct `Idempotency-Key`s received: what a receiver that drops repeats acts on. */
  keys(): Set<string>;
  close(): Promise<void>;
}

/**
 * Starts the receiver. `answer` decides each answer (default 200 `{"errcode":0}`); it may wait, to
 * keep a call in flight. The request is recorded when it arrives, before the answer.
 */
export async function startWebhookReceiver(
  answer: (request: Received) => Answer | Promise<Answer> = () => ({ status: 200 }),
): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const got: Received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      received.push(got);
      const { status, body } = await answer(got);
      if (response.destroyed) return;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(body ?? '{"errcode":0,"errmsg":"ok"}', () => {
        got.answeredAt = Date.now();
        got.status = status;
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    keys: () => new Set(received.map((r) => String(r.headers['idempotency-key']))),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
