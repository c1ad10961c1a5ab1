import type { Store, User } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/ApiError.ts';
import { userSchema } from '../routes/schemas.ts';
import { SESSION_COOKIE } from './authenticate.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { requireUser } from './principal.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** How sign-in behaves; the defaults suit production. */
export interface SessionPolicy {
  /** Session lifetime in ms (default 7 days). */
  readonly sessionMs: number;
  /** Failed attempts before the account locks (default 5). */
  readonly maxAttempts: number;
  /** How long a lockout lasts, in ms (default 15 minutes). */
  readonly lockoutMs: number;
  /** Sign-ins one IP address may try per minute (default 20). */
  readonly signInsPerMinute: number;
  /** Mark the cookie Secure (behind https). */
  readonly secureCookies: boolean;
  /** The server's time (a test clock in end-to-end tests). */
  readonly now: () => number;
}

const wrongLogin = () =>
  new ApiError(401, 'wrongLogin', { 'zh-CN': '用户名或密码错误', en: 'wrong user name or password' });

async function findUser(store: Store, login: string): Promise<User | undefined> {
  const byId = await store.people.getUser(login).catch(() => undefined);
  if (byId) return byId;
  const lower = login.toLowerCase();
  return (await store.people.users()).find((user) => user.email?.toLowerCase() === lower);
}

const preferencesSchema = {
  type: 'object',
  properties: { locale: { enum: ['zh-CN', 'en'] } },
  additionalProperties: false,
} as const;

const meSchema = {
  type: 'object',
  properties: { user: userSchema, csrfToken: { type: 'string' }, preferences: preferencesSchema },
  required: ['user', 'csrfToken', 'preferences'],
} as const;

/** What a person chose for themselves and keeps across devices (their language). */
type Preferences = { locale?: 'zh-CN' | 'en' };

const preferencesKey = (userId: string) => `preferences.${userId}`;

async function preferencesOf(store: Store, userId: string): Promise<Preferences> {
  const saved = await store.connectors.setting(preferencesKey(userId));
  return saved && typeof saved === 'object' ? (saved as Preferences) : {};
}

/** Sign in (POST), who am I (GET) and sign out (DELETE) on /api/session. */
export function sessionRoutes(app: FastifyInstance, store: Store, policy: SessionPolicy): void {
  app.post<{ Body: { login: string; password: string } }>(
    '/api/session',
    {
      config: { access: 'public', rateLimit: { max: policy.signInsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary: 'Sign in with a user id or email and a password; sets the session cookie',
        body: {
          type: 'object',
          properties: {
            login: { type: 'string', minLength: 1, maxLength: 200 },
            password: { type: 'string', maxLength: 1000 },
          },
          required: ['login', 'password'],
          additionalProperties: false,
        },
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const user = await findUser(store, request.body.login.trim());
      const credential = user && !user.disabled ? await store.accounts.credential(user.id) : undefined;
      const now = policy.now();
      // The attempt is counted before the (slow) password check, so parallel guesses cannot all get one.
      const reservation = credential
        ? await store.accounts.reserveLoginAttempt(credential.userId, {
            maxAttempts: policy.maxAttempts,
            now: new Date(now).toISOString(),
            lockUntil: new Date(now + policy.lockoutMs).toISOString(),
          })
        : undefined;
      if (reservation && !reservation.allowed && reservation.lockedUntil)
        throw new ApiError(
          429,
          'accountLocked',
          {
            'zh-CN': `登录失败次数过多，账号已锁定到 ${reservation.lockedUntil}`,
            en: `too many failed sign-ins; the account is locked until ${reservation.lockedUntil}`,
          },
          { lockedUntil: reservation.lockedUntil },
        );
      const ok = await verifyPassword(request.body.password, credential?.passwordHash ?? (await decoyHash()));
      if (!user || !credential || !reservation?.allowed || !ok) throw wrongLogin();
      await store.accounts.clearFailedLogins(user.id);
      const sessionId = newSecret();
      const csrfToken = newSecret();
      const expiresAt = new Date(now + policy.sessionMs);
      await store.accounts.createSession(hashSecret(sessionId), {
        userId: user.id,
        csrfToken,
        expiresAt: expiresAt.toISOString(),
      });
      reply.setCookie(SESSION_COOKIE, sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: policy.secureCookies,
        expires: expiresAt,
      });
      return { user, csrfToken, preferences: await preferencesOf(store, user.id) };
    },
  );

  app.get(
    '/api/session',
    {
      config: { access: 'user' },
      schema: {
        tags: ['session'],
        summary: 'The signed-in user and the CSRF token for writes',
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      return {
        user: principal.user,
        csrfToken: principal.csrfToken ?? '',
        preferences: await preferencesOf(store, principal.user.id),
      };
    },
  );

  app.put<{ Body: Preferences }>(
    '/api/session/preferences',
    {
      config: { access: 'user' },
      schema: {
        tags: ['session'],
        summary: 'Keep your own preferences (the language), on every device you sign in on',
        body: preferencesSchema,
        response: { 200: preferencesSchema },
      },
    },
    async (request) => {
      const { user } = requireUser(request);
      const next = { ...(await preferencesOf(store, user.id)), ...request.body };
      await store.connectors.setSetting(preferencesKey(user.id), next, user.id);
      return next;
    },
  );

  app.delete(
    '/api/session',
    { config: { access: 'user' }, schema: { tags: ['session'], summary: 'Sign out' } },
    async (request, reply) => {
      const principal = requireUser(request);
      if (principal.sessionHash) await store.accounts.deleteSession(principal.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
}
