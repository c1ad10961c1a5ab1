import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/auth/secrets.ts';
import { Client } from './support/client.ts';
import { PASSWORD } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

describe('sign-in and sessions', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer('sqlite', { session: { maxAttempts: 3 } });
  });
  afterEach(() => server.close());

  it('signs in by id or email and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const anonymous = new Client(server.url);
    const answer = await anonymous.call('POST', '/api/session', {
      login: 'MEMBER@example.com',
      password: PASSWORD,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.user).toMatchObject({ id: 'member', roles: ['member'] });
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^fb_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const me = await (await Client.signIn(server.url, 'member')).call('GET', '/api/session');
    expect(me.body.user.id).toBe('member');
    expect(me.body.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('keeps each person’s language across devices, and only their own', async () => {
    const phone = await Client.signIn(server.url, 'member');
    expect((await phone.call('GET', '/api/session')).body.preferences).toEqual({});
    const saved = await phone.call('PUT', '/api/session/preferences', { locale: 'en' });
    expect(saved).toMatchObject({ status: 200, body: { locale: 'en' } });
    // Another device signs in and gets the choice at once; someone else does not.
    const desktop = await new Client(server.url).call('POST', '/api/session', {
      login: 'member',
      password: PASSWORD,
    });
    expect(desktop.body.preferences).toEqual({ locale: 'en' });
    expect(
      (await (await Client.signIn(server.url, 'manager')).call('GET', '/api/session')).body.preferences,
    ).toEqual({});
    const bad = await phone.call('PUT', '/api/session/preferences', { locale: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/locale/);
  });

  it('keeps only a hash of the session id in the database', async () => {
    const answer = await new Client(server.url).call('POST', '/api/session', {
      login: 'member',
      password: PASSWORD,
    });
    const sessionId = /^fb_session=([^;]+)/.exec(answer.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(await server.store.accounts.session(sessionId)).toBeUndefined();
    expect(await server.store.accounts.session(hashSecret(sessionId))).toMatchObject({ userId: 'member' });
    expect((await server.store.accounts.credential('member'))?.passwordHash).toMatch(
      /^scrypt\$32768\$8\$1\$/,
    );
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const anonymous = new Client(server.url);
    const wrong = await anonymous.call('POST', '/api/session', { login: 'member', password: 'nope' });
    const unknown = await anonymous.call('POST', '/api/session', { login: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe('用户名或密码错误');
    expect(unknown.body.error.code).toBe(wrong.body.error.code);
  });

  it('locks an account after too many failures, even for the right password', async () => {
    const anonymous = new Client(server.url).inLanguage('en');
    for (let i = 0; i < 3; i++)
      expect(
        (await anonymous.call('POST', '/api/session', { login: 'member', password: 'wrong' })).status,
      ).toBe(401);
    const locked = await anonymous.call('POST', '/api/session', { login: 'member', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('accountLocked');
    expect(locked.body.error.message).toMatch(/locked until/);
    expect((await server.store.audit({ entityId: 'member' })).map((e) => e.action)).toContain('user.locked');
  });

  it('locks an account against a burst of parallel guesses too', async () => {
    const anonymous = new Client(server.url);
    const burst = await Promise.all(
      Array.from({ length: 8 }, () =>
        anonymous.call('POST', '/api/session', { login: 'member', password: 'wrong' }),
      ),
    );
    expect(burst.filter((answer) => answer.status === 401)).toHaveLength(3);
    expect(burst.filter((answer) => answer.status === 429)).toHaveLength(5);
    expect(
      (await anonymous.call('POST', '/api/session', { login: 'member', password: PASSWORD })).status,
    ).toBe(429);
  });

  it('signs in again while already signed in (no CSRF token needed to sign in)', async () => {
    const member = await Client.signIn(server.url, 'member');
    const again = await member
      .withoutCsrf()
      .call('POST', '/api/session', { login: 'member', password: PASSWORD });
    expect(again.status).toBe(200);
  });

  it('refuses cookie-authenticated writes without the CSRF token, but not reads', async () => {
    const member = await Client.signIn(server.url, 'member');
    const forged = member.withoutCsrf();
    expect((await forged.call('GET', '/api/forms/checkin/records')).status).toBe(200);
    const write = await forged.call('POST', '/api/forms/checkin/records', {
      data: { week: '2026-11-23', progress: 5 },
    });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('csrf');
    const wrongToken = await forged.call(
      'POST',
      '/api/forms/checkin/records',
      { data: { week: '2026-11-23', progress: 5 } },
      { 'x-csrf-token': 'guess' },
    );
    expect(wrongToken.status).toBe(403);
    expect(
      (await member.call('POST', '/api/forms/checkin/records', { data: { week: '2026-11-23', progress: 5 } }))
        .status,
    ).toBe(201);
  });

  it('signs out: the cookie stops working', async () => {
    const member = await Client.signIn(server.url, 'member');
    expect((await member.call('DELETE', '/api/session')).status).toBe(204);
    expect((await member.call('GET', '/api/session')).status).toBe(401);
  });

  it('ends sessions when the password changes, and checks the current password', async () => {
    const member = await Client.signIn(server.url, 'member');
    const wrong = await member.call('PUT', '/api/users/member/password', {
      password: 'a new long passphrase',
      currentPassword: 'x',
    });
    expect(wrong.status).toBe(403);
    const short = await member.call('PUT', '/api/users/member/password', {
      password: 'short',
      currentPassword: PASSWORD,
    });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].pointer).toBe('/body/password');
    const changed = await member.call('PUT', '/api/users/member/password', {
      password: 'a new long passphrase',
      currentPassword: PASSWORD,
    });
    expect(changed.status).toBe(204);
    expect((await member.call('GET', '/api/session')).status).toBe(401);
    expect((await Client.signIn(server.url, 'member', 'a new long passphrase')).constructor).toBe(Client);
  });
});

describe('API tokens', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it('shows the secret once, works within its scopes, and stops when revoked', async () => {
    const admin = await Client.signIn(server.url, 'admin');
    const created = await admin.call('POST', '/api/tokens', {
      name: 'ERP',
      userId: 'admin',
      scopes: ['records:write'],
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^fbt_/);
    const listed = await admin.call('GET', '/api/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const erp = Client.withToken(server.url, created.body.secret);
    const pushed = await erp.call('POST', '/api/forms/checkin/records', {
      data: { week: '2026-11-23', progress: 40 },
      ownerId: 'member',
    });
    expect(pushed.status).toBe(201);
    expect(pushed.body.ownerId).toBe('member');
    // Scoped to records: the admin's other powers do not come with the token.
    expect((await erp.call('GET', '/api/audit')).status).toBe(403);
    expect((await admin.call('DELETE', `/api/tokens/${created.body.token.id}`)).status).toBe(204);
    const revoked = await erp.call('GET', '/api/forms/checkin/records');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('invalidToken');
  });
});
