import type { Capability } from '../permissions/capabilities.ts';

/** Who may call a route: anyone, any signed-in user, or holders of one capability. */
export type RouteAccess = 'public' | 'user' | Capability;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
