import type { Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { stillValid } from '../auth/authenticate.ts';
import { type Principal, requireUser } from '../auth/principal.ts';
import { announceRolledUp } from '../events/announceRolledUp.ts';
import type { ChangeEvent, EventBus } from '../events/ChangeEvent.ts';
import { formAccessOf } from '../permissions/formAccess.ts';
import { visibleOwnerIds } from '../permissions/recordScope.ts';

const HEARTBEAT_MS = 15_000;
// How often a stream re-checks its session or token and re-reads the caller's scope per form.
const RECHECK_MS = 60_000;

/** What one stream may see: per form, whose record changes (scopes can differ per form), re-read periodically. */
function streamScope(store: Store, principal: Principal) {
  const scopes = new Map<string, { owners: string[] | undefined; formVisible: boolean; at: number }>();
  const scopeOf = async (formId: string) => {
    const known = scopes.get(formId);
    if (known && Date.now() - known.at < RECHECK_MS) return known;
    const info = await store.definitions.getInfo(formId).catch(() => undefined);
    const formVisible = info?.state === 'published' || principal.capabilities.has('definitions.write');
    const owners = await visibleOwnerIds(store, principal.user, await formAccessOf(store, formId));
    const scope = { owners, formVisible, at: Date.now() };
    scopes.set(formId, scope);
    return scope;
  };
  return async (event: ChangeEvent): Promise<boolean> => {
    if (event.type === 'import.progress') return event.userId === principal.user.id;
    const scope = await scopeOf(event.formId);
    if (!scope.formVisible) return false;
    if (event.type === 'records.imported') return true;
    return scope.owners === undefined || scope.owners.includes(event.ownerId);
  };
}

/**
 * Server-Sent Events: `GET /api/events` streams record changes the caller may see, from every server
 * sharing the store. Each event is `event: record` (or `progress` for the caller's own imports) with
 * the ChangeEvent as JSON; a comment line every 15 s keeps proxies from closing the stream. Every
 * minute the stream re-checks its session or token and ends when it no longer holds (signed out,
 * revoked, disabled). There is no replay: on reconnect a client refetches. Closing the server ends
 * every stream.
 */
export function eventRoutes(app: FastifyInstance, store: Store, bus: EventBus): void {
  // Records the store's roll-ups rewrite are changes like any other.
  announceRolledUp(app, store, bus);
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get(
    '/api/events',
    {
      config: { access: 'records.read' },
      schema: { tags: ['events'], summary: 'Server-Sent Events: record changes within your scope' },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      const visible = streamScope(store, principal);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write(': connected\n\n');
      // Each event's scope check starts at once, but events are written in the order they were
      // published: a slow check (a form not seen before) never lets a later change overtake it.
      let written = Promise.resolve();
      const unsubscribe = bus.subscribe((event) => {
        const check = visible(event);
        written = written
          .then(() => check)
          .then((yes) => {
            const name = event.type === 'import.progress' ? 'progress' : 'record';
            if (yes) reply.raw.write(`event: ${name}\ndata: ${JSON.stringify(event)}\n\n`);
          })
          .catch((error: Error) => request.log.warn({ err: error }, 'event scope check failed'));
      });
      const heartbeat = setInterval(() => reply.raw.write(': ping\n\n'), HEARTBEAT_MS);
      const recheck = setInterval(() => {
        stillValid(store, principal)
          .then((valid) => {
            if (!valid) end();
          })
          .catch(() => end());
      }, RECHECK_MS);
      const end = () => {
        clearInterval(heartbeat);
        clearInterval(recheck);
        unsubscribe();
        open.delete(end);
        if (!reply.raw.writableEnded) reply.raw.end();
      };
      open.add(end);
      request.raw.on('close', end);
    },
  );
}

/** Publishes a change without failing the request that made it: the write is already committed. */
export function announce(app: FastifyInstance, bus: EventBus, event: ChangeEvent): void {
  bus
    .publish(event)
    .catch((error: Error) => app.log.warn({ err: error, event }, 'could not announce a change'));
}
