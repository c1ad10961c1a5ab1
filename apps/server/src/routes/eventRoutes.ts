import type { Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import type { ChangeEvent, EventBus } from '../events/ChangeEvent.ts';
import { formAccessOf } from '../permissions/formAccess.ts';
import { visibleOwnerIds } from '../permissions/recordScope.ts';

const HEARTBEAT_MS = 15_000;
// Who a caller may see changes as the org chart changes; re-read at most this often per stream.
const SCOPE_TTL_MS = 60_000;

/**
 * Server-Sent Events: `GET /api/events` streams record changes the caller may see, from every server
 * sharing the store. Each event is `event: record` (or `progress` for the caller's own imports) with the ChangeEvent as JSON; a comment line every
 * 15 s keeps proxies from closing the stream. There is no replay: on reconnect a client refetches.
 */
export function eventRoutes(app: FastifyInstance, store: Store, bus: EventBus): void {
  app.get(
    '/api/events',
    {
      config: { access: 'records.read' },
      schema: { tags: ['events'], summary: 'Server-Sent Events: record changes within your scope' },
    },
    async (request, reply) => {
      const { user } = requireUser(request);
      // Per form (forms may set their own record scopes), re-read at most every SCOPE_TTL_MS.
      const scopes = new Map<string, { owners: string[] | undefined; at: number }>();
      const ownersFor = async (formId: string) => {
        const known = scopes.get(formId);
        if (known && Date.now() - known.at < SCOPE_TTL_MS) return known.owners;
        const owners = await visibleOwnerIds(store, user, await formAccessOf(store, formId));
        scopes.set(formId, { owners, at: Date.now() });
        return owners;
      };
      const visible = async (event: ChangeEvent) => {
        if (event.type === 'import.progress') return event.userId === user.id;
        if (event.type === 'records.imported') return true;
        const owners = await ownersFor(event.formId);
        return owners === undefined || owners.includes(event.ownerId);
      };
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write(': connected\n\n');
      const unsubscribe = bus.subscribe((event) => {
        visible(event)
          .then((yes) => {
            const name = event.type === 'import.progress' ? 'progress' : 'record';
            if (yes) reply.raw.write(`event: ${name}\ndata: ${JSON.stringify(event)}\n\n`);
          })
          .catch((error: Error) => request.log.warn({ err: error }, 'event scope check failed'));
      });
      const heartbeat = setInterval(() => reply.raw.write(': ping\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}

/** Publishes a change without failing the request that made it: the write is already committed. */
export function announce(app: FastifyInstance, bus: EventBus, event: ChangeEvent): void {
  bus
    .publish(event)
    .catch((error: Error) => app.log.warn({ err: error, event }, 'could not announce a change'));
}
