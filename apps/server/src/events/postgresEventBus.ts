import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type ChangeEvent, type EventBus, Listeners } from './ChangeEvent.ts';

const CHANNEL = 'formboard_changes';
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * Change events across every server on one PostgreSQL database, with LISTEN/NOTIFY: each process
 * keeps one listening connection; publishing is a NOTIFY that every process (itself included)
 * receives, so each listener hears each event exactly once. When the connection drops, the process
 * keeps reconnecting (backing off up to 30 s) until it listens again; events sent meanwhile are
 * missed, so clients refetch on reconnect.
 */
export async function postgresEventBus(url: string, onError: (error: Error) => void): Promise<EventBus> {
  const listeners = new Listeners();
  let client: pg.Client | undefined;
  let reconnecting = false;
  let closed = false;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      listeners.deliver(JSON.parse(message.payload) as ChangeEvent);
    });
    const lost = (error?: Error) => {
      if (error) onError(error);
      if (client !== next) return;
      client = undefined;
      next.end().catch(() => {});
      void reconnect();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
  };

  const reconnect = async (): Promise<void> => {
    if (reconnecting) return;
    reconnecting = true;
    for (let delay = FIRST_RETRY_MS; !closed && !client; delay = Math.min(delay * 2, MAX_RETRY_MS)) {
      await sleep(delay);
      if (closed) break;
      await connect().catch((error: Error) => onError(error));
    }
    reconnecting = false;
  };

  // pg refuses (for now: warns) a query handed to a client that is still running one, so publishes
  // take turns on the one connection; a failed publish does not stop the ones after it.
  let turn: Promise<void> = Promise.resolve();

  await connect();
  return {
    publish(event: ChangeEvent) {
      const sent = turn.then(async () => {
        if (!client) throw new Error('the change-event connection is down; it is reconnecting');
        await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
      });
      turn = sent.catch(() => {});
      return sent;
    },
    subscribe: (listener) => listeners.add(listener),
    async close() {
      closed = true;
      const current = client;
      client = undefined;
      await current?.end();
    },
  };
}
