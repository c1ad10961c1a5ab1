import type { Capability } from '../permissions/capabilities.ts';

/** Who may call a route: anyone, any signed-in user, or holders of one capability. */
export type RouteAccess = 'public' | 'user' | Capability;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every API route ("METHOD /url") with its declared access: the permission table, for tests and docs. */
    accessTable: readonly { readonly route: string; readonly access: RouteAccess }[];
  }
}
