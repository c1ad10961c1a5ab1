import pg from 'pg';
import { type ChangeEvent, type EventBus, Listeners } from './ChangeEvent.ts';

const CHANNEL = 'formboard_changes';
const RECONNECT_MS = 1000;

/**
 * Change events across every server on one PostgreSQL database, with LISTEN/NOTIFY: each process
 * keeps one listening connection; publishing is a NOTIFY that every process (itself included)
 * receives, so each listener hears each event exactly once. If the connection drops, the process
 * reconnects and listens again (events sent meanwhile are missed; clients refetch on reconnect).
 */
export async function postgresEventBus(url: string, onError: (error: Error) => void): Promise<EventBus> {
  const listeners = new Listeners();
  let client: pg.Client | undefined;
  let closed = false;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      listeners.deliver(JSON.parse(message.payload) as ChangeEvent);
    });
    next.on('error', (error) => {
      onError(error);
      client = undefined;
      next.end().catch(() => {});
      if (!closed) setTimeout(() => connect().catch(onError), RECONNECT_MS);
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
  };
  await connect();

  return {
    async publish(event: ChangeEvent) {
      if (!client) throw new Error('the change-event connection is down');
      await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
    },
    subscribe: (listener) => listeners.add(listener),
    async close() {
      closed = true;
      await client?.end();
    },
  };
}
