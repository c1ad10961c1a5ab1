import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { Store } from '@formboard/storage';
import type { OutboundPort } from '@formboard/workflow';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { installAuthentication } from './auth/authenticate.ts';
import { type SessionPolicy, sessionRoutes } from './auth/sessionRoutes.ts';
import { scheduleConnectors } from './connectors/connectorSchedules.ts';
import type { EventBus } from './events/ChangeEvent.ts';
import { localEventBus } from './events/localEventBus.ts';
import { installErrorHandling } from './http/errorHandler.ts';
import { parseJsonBody } from './http/parseJsonBody.ts';
import { installRequestValidation } from './http/requestValidation.ts';
import { serveStudio } from './http/studio.ts';
import type { SecretBox } from './outbound/secretBox.ts';
import { auditRoutes } from './routes/auditRoutes.ts';
import { connectorRoutes } from './routes/connectorRoutes.ts';
import { dashboardRoutes } from './routes/dashboardRoutes.ts';
import { definitionRoutes } from './routes/definitionRoutes.ts';
import { eventRoutes } from './routes/eventRoutes.ts';
import { exportRoutes } from './routes/exportRoutes.ts';
import { importRoutes } from './routes/importRoutes.ts';
import { inboxRoutes } from './routes/inboxRoutes.ts';
import { orgChartRoutes } from './routes/orgChartRoutes.ts';
import { packRoutes } from './routes/packRoutes.ts';
import { peopleRoutes } from './routes/peopleRoutes.ts';
import { queryRoutes } from './routes/queryRoutes.ts';
import { recordItemRoutes } from './routes/recordItemRoutes.ts';
import { recordRoutes } from './routes/recordRoutes.ts';
import { testClockRoutes } from './routes/testClockRoutes.ts';
import { tokenRoutes } from './routes/tokenRoutes.ts';
import { workflowRunRoutes } from './routes/workflowRunRoutes.ts';
import { refuseInProduction, type TestClock } from './testing/testClock.ts';
import { hostWorkflows } from './workflows/hostWorkflows.ts';
import { keepOutboxBounded } from './workflows/outboxRetention.ts';

/** How to build the API server. */
export interface ServerOptions {
  readonly store: Store;
  /** Seals connector secrets at rest; without it, connectors cannot store secrets. */
  readonly secretBox?: SecretBox;
  /** Run the workflow engine in this server, delivering through `outbound` (default: off). */
  readonly workflows?: { readonly outbound: OutboundPort; readonly tickMs?: number };
  /** Where change events go; default: this process only (use postgresEventBus for several servers). */
  readonly events?: EventBus;
  /** pino options, or false for none (tests). */
  readonly logger?: FastifyServerOptions['logger'];
  /** Largest accepted request body in bytes (default 1 MiB); larger ones get 413. */
  readonly bodyLimit?: number;
  /** Behind an https proxy: trust X-Forwarded-* and mark cookies Secure. */
  readonly behindHttpsProxy?: boolean;
  readonly session?: Partial<Omit<SessionPolicy, 'secureCookies' | 'now'>>;
  /** The built studio (apps/studio/dist) to serve at `/`; without it the server is the API only. */
  readonly studioDir?: string;
  /**
   * A movable clock for end-to-end tests (the store must be opened on it too): adds the test-only
   * `/api/test/*` routes. Refused when NODE_ENV=production.
   */
  readonly testClock?: TestClock;
}

const DEFAULT_SESSION = {
  sessionMs: 7 * 24 * 3600_000,
  maxAttempts: 5,
  lockoutMs: 15 * 60_000,
  signInsPerMinute: 20,
};

/** Builds the Fastify app with every route; the caller listens (and closes the store). */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  if (options.testClock) refuseInProduction();
  const now = options.testClock?.now ?? Date.now;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Trust exactly one proxy hop: X-Forwarded-For entries a client adds itself are not believed.
    trustProxy: options.behindHttpsProxy ? (_address: string, hop: number) => hop < 1 : false,
    genReqId: () => randomUUID(),
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Formboard API',
        version: '0.1.0',
        description: 'Forms, records, boards and workflows.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fb_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  installErrorHandling(app);
  installRequestValidation(app);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(String(body)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  installAuthentication(app, options.store);

  sessionRoutes(app, options.store, {
    ...DEFAULT_SESSION,
    ...options.session,
    secureCookies: options.behindHttpsProxy ?? false,
    now,
  });
  definitionRoutes(app, options.store);
  const events = options.events ?? localEventBus();
  packRoutes(app, options.store, events);
  recordRoutes(app, options.store, events);
  recordItemRoutes(app, options.store, events);
  eventRoutes(app, options.store, events);
  importRoutes(app, options.store, events);
  exportRoutes(app, options.store);
  orgChartRoutes(app, options.store);
  connectorRoutes(app, options.store, events, options.secretBox);
  const workflows =
    options.workflows &&
    hostWorkflows({ store: options.store, bus: events, log: app.log, clock: now, ...options.workflows });
  if (workflows) app.addHook('onClose', () => workflows.stop());
  // Every server keeps the record-event outbox bounded, engine or not (no engine anywhere: it would grow).
  const outbox = keepOutboxBounded({ store: options.store, log: app.log, clock: now });
  app.addHook('onClose', () => outbox.stop());
  // Scheduled connector runs are background work too: on where the workflow engine is.
  const connectorRuns =
    options.workflows &&
    scheduleConnectors({
      store: options.store,
      box: options.secretBox,
      bus: events,
      log: app.log,
      clock: now,
      ...(options.workflows.tickMs === undefined ? {} : { tickMs: options.workflows.tickMs }),
    });
  if (connectorRuns) app.addHook('onClose', () => connectorRuns.stop());
  inboxRoutes(app, options.store, workflows || undefined);
  workflowRunRoutes(app, options.store);
  queryRoutes(app, options.store);
  dashboardRoutes(app, options.store, now);
  if (options.testClock) testClockRoutes(app, options.testClock, workflows || undefined);
  peopleRoutes(app, options.store);
  tokenRoutes(app, options.store);
  auditRoutes(app, options.store);
  app.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, () => ({ ok: true }));
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  if (options.studioDir) await serveStudio(app, options.studioDir);
  return app;
}
