import type { Store, User } from '@formboard/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../http/ApiError.ts';
import { capabilitiesOf } from '../permissions/capabilities.ts';
import { type Principal, requireCapability, requireUser } from './principal.ts';
import type { RouteAccess } from './routeAccess.ts';
import { hashSecret } from './secrets.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'fb_session';
/** The header cookie-authenticated writes must carry (the session's CSRF token). */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function activeUser(store: Store, id: string): Promise<User | undefined> {
  const user = await store.people.getUser(id).catch(() => undefined);
  return user && !user.disabled ? user : undefined;
}

async function fromToken(store: Store, header: string): Promise<Principal | null> {
  const tokenHash = hashSecret(header.slice('Bearer '.length).trim());
  const token = await store.accounts.apiTokenByHash(tokenHash);
  const user = token && (await activeUser(store, token.userId));
  if (!token || !user) return null;
  return { user, via: 'token', capabilities: capabilitiesOf(user.roles, token.scopes), tokenHash };
}

async function fromSession(store: Store, request: FastifyRequest, cookie: string): Promise<Principal | null> {
  const sessionHash = hashSecret(cookie);
  const session = await store.accounts.session(sessionHash);
  const user = session && (await activeUser(store, session.userId));
  if (!session || !user) return null;
  // Cookies ride along with cross-site requests; a write must also prove it read the CSRF token.
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken)
    throw new ApiError(403, 'csrf', {
      'zh-CN': '缺少或错误的 CSRF 令牌，请刷新页面后重试',
      en: 'missing or wrong CSRF token; reload the page and try again',
    });
  return {
    user,
    via: 'session',
    capabilities: capabilitiesOf(user.roles),
    sessionHash,
    csrfToken: session.csrfToken,
  };
}

/** Whether a principal's session or token still holds and its user is still active (for long streams). */
export async function stillValid(store: Store, principal: Principal): Promise<boolean> {
  const holds = principal.sessionHash
    ? await store.accounts.session(principal.sessionHash)
    : principal.tokenHash
      ? await store.accounts.apiTokenByHash(principal.tokenHash)
      : undefined;
  return Boolean(holds && (await activeUser(store, principal.user.id)));
}

async function resolvePrincipal(store: Store, request: FastifyRequest): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const principal = await fromToken(store, authorization);
    // A bad token is a 401 (an integration should hear it is misconfigured); a stale cookie is anonymous.
    if (!principal)
      throw new ApiError(401, 'invalidToken', {
        'zh-CN': 'API 令牌无效或已撤销',
        en: 'the API token is invalid or revoked',
      });
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? fromSession(store, request, cookie) : null;
}

/**
 * Resolves `request.principal` from an API token (`Authorization: Bearer …`) or the session cookie and
 * enforces the route's declared access before the body is even parsed, so 401/403 never depend on
 * what was sent. Every route must declare `config.access`; one that forgets fails at startup.
 */
export function installAuthentication(app: FastifyInstance, store: Store): void {
  app.decorateRequest('principal', null);
  const table: { route: string; access: RouteAccess }[] = [];
  app.decorate('accessTable', table);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!route.url.startsWith('/api/')) return;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no config.access`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') table.push({ route: `${method} ${route.url}`, access });
  });
  app.addHook('onRequest', async (request) => {
    const access = (request.routeOptions.config as { access?: RouteAccess }).access;
    if (!access) return;
    // Public routes (sign-in) need no principal, so a stale cookie or a missing CSRF token there is moot.
    if (access === 'public') return;
    request.principal = await resolvePrincipal(store, request);
    if (access === 'user') requireUser(request);
    else requireCapability(request, access);
  });
}
